import { createHash } from "node:crypto";

/** A cached response: its JSON as UTF-8 bytes (encoded once, sent many times) and entity tag. */
export interface CachedResponse {
  body: Buffer;
  etag: string;
}

/**
 * Responses of one endpoint kept in memory, least recently used dropped first, each tagged with the live run
 * (`"<run id>-<hash of the body>"`, a strong ETag). `clear()` drops everything when what the answers depend
 * on changes (a run published, a campaign booked, events ingested); an answer computed before a clear is not
 * stored after it.
 *
 * @example
 * const cache = new ResponseCache(1000);
 * const generation = cache.generation;
 * cache.set("/v1/avails?start=...", makeEntry("r000002", json), generation);
 */
export class ResponseCache {
  private readonly entries = new Map<string, CachedResponse>();
  /** Bumped by each clear(). */
  generation = 0;
  hits = 0;
  misses = 0;

  constructor(private readonly capacity: number) {}

  get(key: string): CachedResponse | undefined {
    const entry = this.entries.get(key);
    if (entry === undefined) {
      this.misses++;
      return undefined;
    }
    this.hits++;
    // Map keeps insertion order: moving the entry to the end makes the first one the least recently used.
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry;
  }

  /** Stores an entry computed in `generation`; ignored when the cache was cleared since. */
  set(key: string, entry: CachedResponse, generation: number): void {
    if (generation !== this.generation || this.capacity === 0) return;
    this.entries.delete(key);
    this.entries.set(key, entry);
    if (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next().value as string;
      this.entries.delete(oldest);
    }
  }

  clear(): void {
    this.entries.clear();
    this.generation++;
  }

  get size(): number {
    return this.entries.size;
  }
}

/**
 * A response entry for a run: the body's JSON and its ETag, `"<run id>-<first 16 hex digits of SHA-1>"`.
 *
 * @example
 * cachedResponse("r000002", { total: 1 }).etag; // '"r000002-…"'
 */
export function cachedResponse(runId: string, value: unknown): CachedResponse {
  const body = Buffer.from(JSON.stringify(value));
  const digest = createHash("sha1").update(body).digest("hex").slice(0, 16);
  return { body, etag: `"${runId}-${digest}"` };
}

/**
 * Whether an If-None-Match header matches an entity tag (`*`, a list, weak or strong forms: RFC 9110 §13.1.2
 * compares weakly for If-None-Match).
 *
 * @example
 * etagMatches('W/"r1-ab", "r2-cd"', '"r2-cd"'); // true
 */
export function etagMatches(header: string | undefined, etag: string): boolean {
  if (header === undefined) return false;
  const bare = etag.replace(/^W\//, "");
  for (const part of header.split(",")) {
    const tag = part.trim();
    if (tag === "*" || tag.replace(/^W\//, "") === bare) return true;
  }
  return false;
}
