import { createRequire } from "node:module";

/** The npm package of the Kafka source: Confluent's client on librdkafka, an optional dependency. */
export const KAFKA_PACKAGE = "@confluentinc/kafka-javascript";

/** How to install the Kafka client where no prebuilt binary can be downloaded (see docs/scaling.md). */
export const KAFKA_INSTALL_HINT =
  `install it with \`npm install ${KAFKA_PACKAGE}@1.10.1\`; where its prebuilt binary cannot be downloaded, ` +
  "`apt-get install zlib1g-dev libssl-dev libzstd-dev libsasl2-dev liblz4-dev` first and " +
  `\`CKJS_LINKING=dynamic npm install ${KAFKA_PACKAGE}@1.10.1\` (docs/scaling.md)`;

/**
 * Loads the Kafka client package when a Kafka source is opened, not before: avails runs without it, and a
 * Kafka URL without it gets an error saying how to install it. Loaded with require (the package is CommonJS),
 * so NODE_PATH can point at a copy installed elsewhere.
 *
 * @example
 * const kafka = loadKafka<{ KafkaConsumer: new (config: object) => unknown }>();
 */
export function loadKafka<T>(name: string = KAFKA_PACKAGE, flag = "--source"): T {
  const require = createRequire(import.meta.url);
  try {
    return require(name) as T;
  } catch (error) {
    const e = error as NodeJS.ErrnoException;
    if (e.code === "MODULE_NOT_FOUND" && e.message.includes(name)) {
      throw new Error(
        `${flag}: a kafka:// source needs the package ${name}, which is not installed: ${KAFKA_INSTALL_HINT}`,
      );
    }
    throw new Error(
      `${flag}: the package ${name} is installed but does not load (${e.message.split("\n")[0]})`,
    );
  }
}
