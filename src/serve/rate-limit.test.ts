import { describe, expect, it } from "vitest";
import { RateLimiter, rateLimitFromEnv } from "./rate-limit.js";

describe("RateLimiter", () => {
  it("RateLimiter(rate) allows a burst of one second's worth per key, then refuses with the seconds to wait", () => {
    const limiter = new RateLimiter(3);
    expect([0, 1, 2].map((t) => limiter.take("a", t).allowed)).toEqual([true, true, true]);
    expect(limiter.take("a", 3)).toEqual({ allowed: false, retryAfter: 1 });
    // Another key has its own bucket.
    expect(limiter.take("b", 3).allowed).toBe(true);
    // A third of a second later, one request's worth has come back.
    expect(limiter.take("a", 340).allowed).toBe(true);
    expect(limiter.take("a", 341).allowed).toBe(false);
  });

  it("RateLimiter(rate < 1) holds one request and asks to wait as long as a token takes to come back", () => {
    const limiter = new RateLimiter(0.25);
    expect(limiter.take("a", 0).allowed).toBe(true);
    expect(limiter.take("a", 1).retryAfter).toBe(4);
    expect(limiter.take("a", 4001).allowed).toBe(true);
  });

  it("RateLimiter(0) allows everything, and a negative or non-finite rate is an error", () => {
    const off = new RateLimiter(0);
    for (let i = 0; i < 1000; i++) expect(off.take("a", 0).allowed).toBe(true);
    expect(() => new RateLimiter(-1)).toThrow(/rate limit: -1/);
    expect(() => new RateLimiter(Number.NaN)).toThrow(/rate limit/);
  });
});

describe("rateLimitFromEnv", () => {
  it("rateLimitFromEnv takes AVAILS_RATE_LIMIT over the config, 0 turning the limit off, and names the variable when it is wrong", () => {
    expect(rateLimitFromEnv(100, {})).toBe(100);
    expect(rateLimitFromEnv(100, { AVAILS_RATE_LIMIT: "" })).toBe(100);
    expect(rateLimitFromEnv(100, { AVAILS_RATE_LIMIT: "0" })).toBe(0);
    expect(rateLimitFromEnv(100, { AVAILS_RATE_LIMIT: "2.5" })).toBe(2.5);
    expect(() => rateLimitFromEnv(100, { AVAILS_RATE_LIMIT: "fast" })).toThrow(/^AVAILS_RATE_LIMIT: "fast"/);
    expect(() => rateLimitFromEnv(100, { AVAILS_RATE_LIMIT: "-3" })).toThrow(/AVAILS_RATE_LIMIT/);
  });
});
