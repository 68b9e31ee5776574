import { describe, expect, it } from "vitest";
import { loadKafka } from "./load-kafka.js";

describe("loadKafka", () => {
  it("loadKafka names the flag, the missing package and the install commands", () => {
    expect(() => loadKafka("@avails-test/no-such-kafka-client", "--stream")).toThrow(
      /^--stream: a kafka:\/\/ source needs the package @avails-test\/no-such-kafka-client, which is not installed: install it with `npm install @confluentinc\/kafka-javascript@1\.10\.1`; .*`CKJS_LINKING=dynamic npm install @confluentinc\/kafka-javascript@1\.10\.1`/,
    );
  });

  it("loadKafka returns the package it loads", () => {
    expect(loadKafka<typeof import("node:path")>("node:path").join("a", "b")).toBe("a/b");
  });
});
