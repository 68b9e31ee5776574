import { describe, expect, it } from "vitest";
import { parseRedisStreamUrl } from "./parse-redis-url.js";

describe("parseRedisStreamUrl", () => {
  it("parseRedisStreamUrl reads host, port, database and stream", () => {
    expect(parseRedisStreamUrl("redis://127.0.0.1:6380/events")).toEqual({
      host: "127.0.0.1",
      port: 6380,
      db: 0,
      stream: "events",
    });
    expect(parseRedisStreamUrl("redis://u:p%40ss@cache.local/3/ad%3Aevents")).toEqual({
      host: "cache.local",
      port: 6379,
      db: 3,
      stream: "ad:events",
      username: "u",
      password: "p@ss",
    });
  });

  it("parseRedisStreamUrl names the flag and what is wrong", () => {
    expect(() => parseRedisStreamUrl("events")).toThrow('--source: "events" is not a URL');
    expect(() => parseRedisStreamUrl("kafka://b:9092/t")).toThrow('has scheme "kafka", not redis');
    expect(() => parseRedisStreamUrl("redis://h:6379")).toThrow("names no stream");
    expect(() => parseRedisStreamUrl("redis://h:6379/x/a/b")).toThrow("more than one stream name");
    expect(() => parseRedisStreamUrl("redis://h:6379/db/a")).toThrow('"db" where the database number goes');
    expect(() => parseRedisStreamUrl("redis://h:0/a", "--queue")).toThrow(
      '--queue: "redis://h:0/a" has no valid port',
    );
  });
});
