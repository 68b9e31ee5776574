/** One entry of a stream, turned into one NDJSON line for the ingest path. */
export interface StreamEntry {
  /** The source's id of the entry: a Redis stream id (`1700000000000-0`), a Kafka `partition-offset`. */
  id: string;
  /** The event as one line of NDJSON (or the raw text, when it is not JSON, so validation quarantines it). */
  line: string;
  /** When the entry was added to the stream, in epoch ms (the XADD time; a Kafka message's timestamp). */
  addedAt: number;
}

/** A batch of entries read together and acknowledged together. */
export interface StreamBatch {
  entries: StreamEntry[];
  /** Entries that can no longer be read (trimmed from the stream while pending): acknowledged, not ingested. */
  missing: string[];
  /** True when the batch was delivered before and not acknowledged (a crashed consumer's batch). */
  redelivered: boolean;
}

/**
 * A source of delivery events with at-least-once delivery: a batch read is delivered again (after a crash or
 * restart) until it is acknowledged, and the consumer acknowledges only after the store has committed it.
 * Redis Streams implement it with XACK (redis-stream-source.ts), a Kafka consumer group with offset commits
 * (kafka-stream-source.ts); open-stream-source.ts picks one by the URL's scheme.
 */
export interface StreamSource {
  /** A name for reports and errors: the source URL. */
  readonly name: string;
  /** A file-name-safe label of the source; batch files (and so quarantine sources) start with it. */
  readonly label: string;
  /**
   * The next batch: this consumer's unacknowledged entries first, then new ones, waiting up to the source's
   * block time; an empty batch when nothing came, or when `signal` aborted the wait.
   */
  read(signal?: AbortSignal): Promise<StreamBatch>;
  /** Acknowledges a batch after its store commit; it is never delivered to this group again. */
  acknowledge(batch: StreamBatch): Promise<void>;
  /** Entries of the stream not yet delivered to this consumer group, or null when the source cannot tell. */
  backlog(): Promise<number | null>;
  close(): Promise<void>;
}
