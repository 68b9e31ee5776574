import { EVENT_FIELD, entryLine } from "./entry-line.js";
import type { StreamBatch, StreamEntry } from "./stream-source.js";

/** A consumed Kafka message, as `@confluentinc/kafka-javascript` gives it (the fields read here). */
export interface KafkaMessage {
  topic: string;
  partition: number;
  offset: number;
  value: Buffer | null;
  /** The message's timestamp (CreateTime or LogAppendTime), epoch ms; absent or -1 when the broker has none. */
  timestamp?: number;
}

/** A partition's offset to commit: the next message the group should read. */
export interface PartitionOffset {
  topic: string;
  partition: number;
  offset: number;
}

/**
 * Turns consumed messages into a stream batch and the offsets that acknowledge it: per partition, the batch's
 * last offset + 1 (Kafka's committed offset is the next one to read). Each value is one event (entryLine with
 * the message timestamp as the ingestion_time fallback, so a re-read copy is an exact duplicate); a null value
 * (a tombstone) becomes the line `null`, which validation quarantines. Entry ids are `PARTITION-OFFSET`.
 *
 * @example
 * const { batch, offsets } = kafkaBatch(messages, Date.now());
 * // offsets: [{ topic: "events", partition: 0, offset: 42 }]
 */
export function kafkaBatch(
  messages: readonly KafkaMessage[],
  now: number,
): { batch: StreamBatch; offsets: PartitionOffset[] } {
  const entries: StreamEntry[] = [];
  const next = new Map<string, PartitionOffset>();
  for (const message of messages) {
    const addedAt = typeof message.timestamp === "number" && message.timestamp >= 0 ? message.timestamp : now;
    const text = message.value === null ? "null" : message.value.toString("utf8");
    entries.push({
      id: `${message.partition}-${message.offset}`,
      addedAt,
      line: entryLine([EVENT_FIELD, text], addedAt),
    });
    const key = `${message.topic}\u0000${message.partition}`;
    const seen = next.get(key);
    if (seen === undefined) {
      next.set(key, { topic: message.topic, partition: message.partition, offset: message.offset + 1 });
    } else if (message.offset + 1 > seen.offset) {
      seen.offset = message.offset + 1;
    }
  }
  return { batch: { entries, missing: [], redelivered: false }, offsets: [...next.values()] };
}
