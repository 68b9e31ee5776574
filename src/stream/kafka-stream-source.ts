import { type KafkaMessage, kafkaBatch, type PartitionOffset } from "./kafka-batch.js";
import { KAFKA_PACKAGE, loadKafka } from "./load-kafka.js";
import { parseKafkaUrl } from "./parse-kafka-url.js";
import type { StreamBatch, StreamSource } from "./stream-source.js";

/** How a Kafka topic is consumed. */
export interface KafkaStreamOptions {
  /** Consumer group (`group.id`); a new group reads the topic from its earliest offsets. */
  group: string;
  /** This consumer's `client.id` (for the brokers' logs and quotas). */
  consumer: string;
  /** Messages per batch at most. */
  batchSize: number;
  /** How long a read waits for the first message; at least MIN_WAIT_MS (fetches arrive asynchronously). */
  blockMs: number;
  /** How long connecting (the first metadata request) may take before the source gives up. Default 10 s. */
  connectTimeoutMs?: number;
  /** The flag named in errors. Default `--source`. */
  flag?: string;
}

/** A read waits at least this long: librdkafka fetches in the background, so a shorter wait can miss
 * messages already in the topic and end `--until-empty` early. */
export const MIN_WAIT_MS = 1000;
/** How long reads wait for the group's first partition assignment before answering empty. */
const JOIN_WAIT_MS = 30_000;

/** The part of the package's KafkaConsumer this source uses (types/rdkafka.d.ts of the package). */
interface KafkaConsumer {
  connect(
    options: { timeout: number; topic: string; allTopics: boolean },
    cb: (error: Error | null, metadata?: { topics: { name: string; partitions: unknown[] }[] }) => void,
  ): void;
  on(event: string, listener: (...args: never[]) => void): void;
  subscribe(topics: string[]): void;
  setDefaultConsumeTimeout(ms: number): void;
  setDefaultIsTimeoutOnlyForFirstMessage?(only: boolean): void;
  consume(count: number, cb: (error: Error | null, messages: KafkaMessage[]) => void): void;
  commitCb(offsets: PartitionOffset[], cb: (error: Error | null) => void): void;
  assignments(): { topic: string; partition: number }[];
  position(): PartitionOffset[];
  getWatermarkOffsets(topic: string, partition: number): { lowOffset: number; highOffset: number };
  isConnected(): boolean;
  disconnect(cb: () => void): void;
}

interface KafkaModule {
  KafkaConsumer: new (config: Record<string, unknown>) => KafkaConsumer;
}

/**
 * A Kafka source on a consumer group (`@confluentinc/kafka-javascript`, loaded when the source opens):
 * automatic offset commits are off, and a batch's offsets (its last offset + 1 per partition) are committed
 * only after its store commit. A consumer that crashes, or loses its partitions in a rebalance, before the
 * offset commit leaves the batch to be read again from the last committed offsets, and event_id dedupe counts
 * it once (at-least-once delivery + idempotent store = exactly-once counts). Each message's value is one
 * event as JSON; an event without ingestion_time gets the message's timestamp, so a re-read copy is an exact
 * duplicate. Kafka does not say whether a message was delivered before, so `redelivered` is always false.
 *
 * @example
 * const source = await openKafkaStream("kafka://127.0.0.1:9092/events", {
 *   group: "avails", consumer: "avails-1", batchSize: 1000, blockMs: 2000,
 * });
 * const batch = await source.read();
 * // ... store.ingest(batch) ...
 * await source.acknowledge(batch); // commits the batch's offsets
 */
export async function openKafkaStream(url: string, options: KafkaStreamOptions): Promise<StreamSource> {
  const flag = options.flag ?? "--source";
  const address = parseKafkaUrl(url, flag);
  const kafka = loadKafka<KafkaModule>(KAFKA_PACKAGE, flag);
  const where = `${flag} ${url}`;
  let consumer: KafkaConsumer;
  try {
    consumer = new kafka.KafkaConsumer({
      "auto.offset.reset": "earliest",
      ...address.settings,
      "bootstrap.servers": address.brokers.join(","),
      "group.id": options.group,
      "client.id": options.consumer,
      "enable.auto.commit": false,
      "enable.auto.offset.store": false,
    });
  } catch (error) {
    throw new Error(`${where}: ${(error as Error).message}`);
  }
  let lastError = "";
  consumer.on("event.error", (error: Error) => {
    lastError = error.message;
  });
  const release = () => new Promise<void>((resolve) => consumer.disconnect(() => resolve()));
  const timeout = options.connectTimeoutMs ?? 10_000;
  let metadata: { topics: { name: string; partitions: unknown[] }[] } | undefined;
  try {
    metadata = await new Promise((resolve, reject) =>
      consumer.connect({ timeout, topic: address.topic, allTopics: false }, (error, data) =>
        error ? reject(error) : resolve(data),
      ),
    );
  } catch (error) {
    if (consumer.isConnected()) await release();
    const why = (error as Error).message;
    throw new Error(
      `${where}: cannot connect to Kafka at ${address.brokers.join(",")} within ${timeout} ms (${why}${lastError && lastError !== why ? `; ${lastError}` : ""})`,
    );
  }
  const topic = metadata?.topics.find((t) => t.name === address.topic);
  if (topic === undefined || topic.partitions.length === 0) {
    await release();
    throw new Error(`${where}: the brokers have no topic "${address.topic}" (create it first)`);
  }
  consumer.setDefaultConsumeTimeout(Math.max(options.blockMs, MIN_WAIT_MS));
  // Wait for the first message only, then take what has been fetched (up to batchSize).
  consumer.setDefaultIsTimeoutOnlyForFirstMessage?.(true);
  consumer.subscribe([address.topic]);
  const joinedBy = Date.now() + JOIN_WAIT_MS;
  const offsetsOf = new WeakMap<StreamBatch, PartitionOffset[]>();

  const consumeOnce = () =>
    new Promise<KafkaMessage[]>((resolve, reject) =>
      consumer.consume(options.batchSize, (error, messages) =>
        error ? reject(new Error(`${where}: ${error.message}`)) : resolve(messages),
      ),
    );

  return {
    name: url,
    label: `kafka-${address.brokers[0]}-${address.topic}`.replace(/[^\w.-]+/g, "_"),
    async read(signal) {
      for (;;) {
        if (signal?.aborted) return { entries: [], missing: [], redelivered: false };
        const messages = await consumeOnce();
        if (messages.length > 0) {
          const { batch, offsets } = kafkaBatch(messages, Date.now());
          offsetsOf.set(batch, offsets);
          return batch;
        }
        // Until the group has assigned partitions, an empty read says nothing about the topic.
        if (consumer.assignments().length > 0 || Date.now() >= joinedBy)
          return { entries: [], missing: [], redelivered: false };
      }
    },
    async acknowledge(batch) {
      const offsets = offsetsOf.get(batch) ?? [];
      if (offsets.length === 0) return;
      await new Promise<void>((resolve, reject) =>
        consumer.commitCb(offsets, (error) =>
          error
            ? reject(
                new Error(
                  `${where}: offsets not committed after the store commit (${error.message}); the batch will be read again and counted once`,
                ),
              )
            : resolve(),
        ),
      );
    },
    async backlog() {
      try {
        let lag = 0;
        for (const position of consumer.position()) {
          const { highOffset } = consumer.getWatermarkOffsets(position.topic, position.partition);
          if (!(position.offset >= 0 && highOffset >= 0)) return null;
          lag += Math.max(0, highOffset - position.offset);
        }
        return lag;
      } catch {
        return null;
      }
    },
    async close() {
      if (consumer.isConnected()) await release();
    },
  };
}
