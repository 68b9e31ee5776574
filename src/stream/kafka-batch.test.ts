import { describe, expect, it } from "vitest";
import { type KafkaMessage, kafkaBatch } from "./kafka-batch.js";

const message = (
  partition: number,
  offset: number,
  value: string | null,
  timestamp?: number,
): KafkaMessage => ({
  topic: "events",
  partition,
  offset,
  value: value === null ? null : Buffer.from(value),
  timestamp,
});

describe("kafkaBatch", () => {
  it("kafkaBatch commits each partition's last offset + 1, whatever the order of its messages", () => {
    const { batch, offsets } = kafkaBatch(
      [
        message(1, 7, '{"event_id":"a"}', 10),
        message(0, 41, '{"event_id":"b"}', 11),
        message(1, 9, '{"event_id":"c"}', 12),
        message(1, 8, '{"event_id":"d"}', 13),
      ],
      99,
    );
    expect(offsets).toEqual([
      { topic: "events", partition: 1, offset: 10 },
      { topic: "events", partition: 0, offset: 42 },
    ]);
    expect(batch.entries.map((e) => e.id)).toEqual(["1-7", "0-41", "1-9", "1-8"]);
    expect(batch.redelivered).toBe(false);
    expect(batch.missing).toEqual([]);
  });

  it("kafkaBatch stamps ingestion_time with the message timestamp (the clock only when there is none)", () => {
    const { batch } = kafkaBatch(
      [
        message(0, 0, '{"event_id":"a"}', 1_700_000_000_000),
        message(0, 1, '{"event_id":"b","ingestion_time":"2026-10-01T00:00:00Z"}', 5),
        message(0, 2, '{"event_id":"c"}', -1),
        message(0, 3, '{"event_id":"d"}'),
      ],
      42,
    );
    expect(batch.entries.map((e) => JSON.parse(e.line).ingestion_time)).toEqual([
      1_700_000_000_000,
      "2026-10-01T00:00:00Z",
      42,
      42,
    ]);
    expect(batch.entries.map((e) => e.addedAt)).toEqual([1_700_000_000_000, 5, 42, 42]);
  });

  it("kafkaBatch keeps a tombstone and text that is not JSON as lines for quarantine", () => {
    const { batch, offsets } = kafkaBatch([message(2, 5, null, 1), message(2, 6, "{broken\nrow", 1)], 0);
    expect(batch.entries.map((e) => e.line)).toEqual(["null", "{broken row"]);
    expect(offsets).toEqual([{ topic: "events", partition: 2, offset: 7 }]);
  });

  it("kafkaBatch of no messages is an empty batch with nothing to commit", () => {
    expect(kafkaBatch([], 0)).toEqual({
      batch: { entries: [], missing: [], redelivered: false },
      offsets: [],
    });
  });
});
