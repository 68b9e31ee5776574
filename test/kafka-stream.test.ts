import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { cli, tempDir } from "./helpers.js";
import { freePort } from "./redis-server.js";

// The Kafka client is an optional dependency; resolved as the Kafka source resolves it (NODE_PATH included).
const kafkaInstalled = (() => {
  try {
    createRequire(join(import.meta.dirname, "../src/stream/load-kafka.ts")).resolve(
      "@confluentinc/kafka-javascript",
    );
    return true;
  } catch {
    return false;
  }
})();

let dir: string;
let cleanup: () => void;
beforeEach(() => {
  ({ dir, cleanup } = tempDir("avails-kafka-"));
});
afterEach(() => cleanup());

describe("avails stream --source kafka://", () => {
  it("names --source and what is wrong with a Kafka URL, and writes no store", async () => {
    const store = join(dir, "store");
    const run = async (source: string) => {
      const result = await cli(["--store", store, "stream", "--source", source]);
      expect(result.code).toBe(1);
      return result.stderr;
    };
    expect(await run("kafka://127.0.0.1:9092")).toBe(
      'avails: --source: "kafka://127.0.0.1:9092" names no topic (expected kafka://BROKER[,BROKER]/TOPIC)\n',
    );
    expect(await run("kafka://k1:9092,,k2/events")).toContain(
      '--source: "kafka://k1:9092,,k2/events" has "" where a broker (HOST[:PORT]) goes',
    );
    expect(await run("kafka://k1:x/events")).toContain('has broker "k1:x" without a valid port');
    expect(await run("kafka://k1/a b")).toContain('has topic "a b", not a Kafka topic name');
    expect(await run("kafka://k1/events?group.id=g")).toContain("sets group.id, which avails sets itself");
    expect(await run("amqp://k1/events")).toContain(
      '--source: "amqp://k1/events" has scheme "amqp", not redis or kafka',
    );
    expect(existsSync(store)).toBe(false);
  });

  it(`a closed loopback broker port: ${kafkaInstalled ? "a clear connection error within the connect timeout" : "without @confluentinc/kafka-javascript, how to install it"}, and no store`, async () => {
    const store = join(dir, "store");
    const url = `kafka://127.0.0.1:${await freePort()}/events`;
    const result = await cli(["--store", store, "stream", "--source", url, "--until-empty"]);
    expect(result.code).toBe(1);
    if (kafkaInstalled) {
      expect(result.stderr).toMatch(
        new RegExp(
          `^avails: --source ${url.replace(/[/.]/g, "\\$&")}: cannot connect to Kafka at 127\\.0\\.0\\.1:\\d+ within 10000 ms \\(.+\\)\\n$`,
        ),
      );
    } else {
      expect(result.stderr).toMatch(
        /^avails: --source: a kafka:\/\/ source needs the package @confluentinc\/kafka-javascript, which is not installed: install it with `npm install @confluentinc\/kafka-javascript@1\.10\.1`/,
      );
    }
    expect(existsSync(store)).toBe(false);
  }, 60_000);
});
