/** What the rate limiter decided for one request. */
export interface RateDecision {
  allowed: boolean;
  /** Seconds until a request would be allowed again (whole seconds, at least 1), when refused. */
  retryAfter: number;
}

/**
 * A token bucket per key (an API token's id): `rate` requests per second on average, bursts of up to one
 * second's worth. A rate of 0 allows everything. Buckets idle long enough to be full again are forgotten.
 *
 * @example
 * const limiter = new RateLimiter(100);
 * limiter.take("3f9a2c1e", performance.now()).allowed; // true
 */
export class RateLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();
  private readonly capacity: number;
  private lastSweep = 0;

  constructor(readonly rate: number) {
    if (!(rate >= 0) || !Number.isFinite(rate)) throw new Error(`rate limit: ${rate} is not a number >= 0`);
    this.capacity = Math.max(1, rate);
  }

  /** Takes one request from the key's bucket at `now` (ms). */
  take(key: string, now: number): RateDecision {
    if (this.rate === 0) return { allowed: true, retryAfter: 0 };
    this.sweep(now);
    const bucket = this.buckets.get(key);
    const tokens =
      bucket === undefined
        ? this.capacity
        : Math.min(this.capacity, bucket.tokens + ((now - bucket.at) / 1000) * this.rate);
    if (tokens >= 1) {
      this.buckets.set(key, { tokens: tokens - 1, at: now });
      return { allowed: true, retryAfter: 0 };
    }
    this.buckets.set(key, { tokens, at: now });
    return { allowed: false, retryAfter: Math.max(1, Math.ceil((1 - tokens) / this.rate)) };
  }

  /** Drops buckets that would be full by now, once a minute. */
  private sweep(now: number): void {
    if (now - this.lastSweep < 60_000) return;
    this.lastSweep = now;
    const fullAfter = (this.capacity / this.rate) * 1000;
    for (const [key, bucket] of this.buckets) if (now - bucket.at > fullAfter) this.buckets.delete(key);
  }
}

/**
 * The rate limit in force: `$AVAILS_RATE_LIMIT` (requests per second per token, 0 off) when set, else the
 * config's. A value that is not a number >= 0 is an error naming the variable.
 *
 * @example
 * rateLimitFromEnv(100, { AVAILS_RATE_LIMIT: "0" }); // 0
 */
export function rateLimitFromEnv(configured: number, env: NodeJS.ProcessEnv = process.env): number {
  const text = env.AVAILS_RATE_LIMIT;
  if (text === undefined || text.trim() === "") return configured;
  const value = Number(text);
  if (!Number.isFinite(value) || value < 0) {
    throw new Error(`AVAILS_RATE_LIMIT: "${text}" is not a number of requests per second >= 0`);
  }
  return value;
}
