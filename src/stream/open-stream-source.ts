import type { StreamSource } from "./stream-source.js";

/** How a stream source is consumed, whichever its kind. */
export interface StreamSourceOptions {
  /** Consumer group. */
  group: string;
  /** This consumer's name (Redis: its name in the group; Kafka: its client.id). */
  consumer: string;
  /** Entries per batch at most. */
  batchSize: number;
  /** How long a read waits for new entries. */
  blockMs: number;
  /** The flag named in errors. Default `--source`. */
  flag?: string;
}

/**
 * Opens the source a URL names: `redis://HOST:PORT/STREAM` (a Redis Stream) or
 * `kafka://BROKER[,BROKER]/TOPIC` (a Kafka topic; needs the optional package @confluentinc/kafka-javascript).
 * Each source's module is loaded only when its scheme is asked for.
 *
 * @example
 * const source = await openStreamSource("kafka://127.0.0.1:9092/events", {
 *   group: "avails", consumer: "avails-1", batchSize: 1000, blockMs: 2000,
 * });
 */
export async function openStreamSource(url: string, options: StreamSourceOptions): Promise<StreamSource> {
  const flag = options.flag ?? "--source";
  const scheme = /^([A-Za-z][A-Za-z0-9+.-]*):/.exec(url)?.[1]?.toLowerCase();
  if (scheme === "redis") {
    const { openRedisStream } = await import("./redis-stream-source.js");
    return openRedisStream(url, { ...options, flag });
  }
  if (scheme === "kafka") {
    const { openKafkaStream } = await import("./kafka-stream-source.js");
    return openKafkaStream(url, { ...options, flag });
  }
  const expected = "expected redis://HOST:PORT/STREAM or kafka://BROKER[,BROKER]/TOPIC";
  if (scheme === undefined || !url.includes("://"))
    throw new Error(`${flag}: "${url}" is not a URL (${expected})`);
  throw new Error(`${flag}: "${url}" has scheme "${scheme}", not redis or kafka (${expected})`);
}
