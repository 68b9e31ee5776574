import { describe, expect, it } from "vitest";
import { parseQueueUrl } from "./queue-url.js";

describe("parseQueueUrl", () => {
  it("parseQueueUrl(redis://HOST:PORT/DB) reads host, port and database", () => {
    expect(parseQueueUrl("redis://10.0.0.5:6380/2")).toMatchObject({
      host: "10.0.0.5",
      port: 6380,
      db: 2,
      tls: false,
      display: "redis://10.0.0.5:6380/2",
    });
  });

  it("parseQueueUrl defaults to port 6379 and database 0, and hides a password in display", () => {
    const url = parseQueueUrl("rediss://app:s3cret@cache.internal");
    expect(url).toMatchObject({ host: "cache.internal", port: 6379, db: 0, tls: true, password: "s3cret" });
    expect(url.display).toBe("rediss://app:***@cache.internal/0");
  });

  it("parseQueueUrl names the flag and the fault of a bad URL", () => {
    expect(() => parseQueueUrl("localhost:6379")).toThrow('--queue: "localhost:6379" has scheme localhost:');
    expect(() => parseQueueUrl("http://h:1")).toThrow('--queue: "http://h:1" has scheme http:');
    expect(() => parseQueueUrl("nonsense")).toThrow('--queue: "nonsense" is not a URL');
    expect(() => parseQueueUrl("redis://h:1/queue")).toThrow("has path /queue, not a database number");
    expect(() => parseQueueUrl("redis://h:1/0?x=1")).toThrow("has a query or fragment");
    expect(() => parseQueueUrl("redis://h:0")).toThrow("has no valid port");
    expect(() => parseQueueUrl("nonsense", "--source")).toThrow("--source:");
  });
});
