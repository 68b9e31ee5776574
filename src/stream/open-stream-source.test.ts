import { describe, expect, it } from "vitest";
import { openStreamSource } from "./open-stream-source.js";

const options = { group: "avails", consumer: "test", batchSize: 10, blockMs: 0 };

describe("openStreamSource", () => {
  it("openStreamSource names the flag and a scheme that is neither redis nor kafka", async () => {
    await expect(openStreamSource("http://127.0.0.1/events", options)).rejects.toThrow(
      '--source: "http://127.0.0.1/events" has scheme "http", not redis or kafka (expected redis://HOST:PORT/STREAM or kafka://BROKER[,BROKER]/TOPIC)',
    );
    await expect(openStreamSource("events", { ...options, flag: "--stream" })).rejects.toThrow(
      '--stream: "events" is not a URL',
    );
  });

  it("openStreamSource checks each kind's URL before connecting, naming the flag", async () => {
    await expect(openStreamSource("kafka://k1:9092", { ...options, flag: "--stream" })).rejects.toThrow(
      '--stream: "kafka://k1:9092" names no topic',
    );
    await expect(openStreamSource("redis://127.0.0.1:6379", options)).rejects.toThrow(
      '--source: "redis://127.0.0.1:6379" names no stream',
    );
  });
});
