import { describe, expect, it } from "vitest";
import { cachedResponse, etagMatches, ResponseCache } from "./response-cache.js";

describe("ResponseCache", () => {
  it("ResponseCache drops the least recently used entry past its capacity", () => {
    const cache = new ResponseCache(2);
    const g = cache.generation;
    cache.set("a", cachedResponse("r1", 1), g);
    cache.set("b", cachedResponse("r1", 2), g);
    expect(cache.get("a")?.body.toString()).toBe("1");
    cache.set("c", cachedResponse("r1", 3), g);
    expect(cache.get("b")).toBeUndefined();
    expect(cache.get("a")?.body.toString()).toBe("1");
    expect(cache.get("c")?.body.toString()).toBe("3");
    expect({ hits: cache.hits, misses: cache.misses, size: cache.size }).toEqual({
      hits: 3,
      misses: 1,
      size: 2,
    });
  });

  it("ResponseCache.set ignores an answer computed before a clear", () => {
    const cache = new ResponseCache(10);
    const before = cache.generation;
    cache.clear();
    cache.set("a", cachedResponse("r1", 1), before);
    expect(cache.get("a")).toBeUndefined();
    cache.set("a", cachedResponse("r2", 1), cache.generation);
    expect(cache.get("a")?.etag).toMatch(/^"r2-/);
  });
});

describe("cachedResponse and etagMatches", () => {
  it("cachedResponse tags a body with the run id and a hash of the body", () => {
    const a = cachedResponse("r000002", { total: 1 });
    expect(a.body.toString()).toBe('{"total":1}');
    expect(a.etag).toMatch(/^"r000002-[0-9a-f]{16}"$/);
    expect(cachedResponse("r000002", { total: 1 }).etag).toBe(a.etag);
    expect(cachedResponse("r000002", { total: 2 }).etag).not.toBe(a.etag);
    expect(cachedResponse("r000003", { total: 1 }).etag).not.toBe(a.etag);
  });

  it("etagMatches reads lists, weak tags and *", () => {
    expect(etagMatches(undefined, '"r1-a"')).toBe(false);
    expect(etagMatches('"r1-a"', '"r1-a"')).toBe(true);
    expect(etagMatches('"r0-b", W/"r1-a"', '"r1-a"')).toBe(true);
    expect(etagMatches("*", '"r1-a"')).toBe(true);
    expect(etagMatches('"r1-b"', '"r1-a"')).toBe(false);
  });
});
