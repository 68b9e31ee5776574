/** Options of the load shedder. */
export interface LoadShedderOptions {
  /** Event-loop delay (ms) past which requests are shed; 0 never sheds. */
  maxDelayMs: number;
  /** How often the delay is sampled (ms). Default 20. */
  sampleMs?: number;
  /**
   * How long shedding lasts after a sample over the limit (ms), at least until the next sample says whether the
   * loop caught up. Default: one sampling interval. A longer hold turns a loop that is merely busy into a stretch
   * of 503s that a client retrying at once fills again, and the accepted requests gain nothing from it.
   */
  holdMs?: number;
  /** Requests being answered past which a new one is shed at once; 0 (default) no limit. */
  maxInFlight?: number;
}

/**
 * Load shedding by event-loop delay: a timer expected every `sampleMs` measures how late it fires (the time
 * the loop was busy with other work); after a sample over `maxDelayMs`, until a later sample finds the loop on
 * time and at least `holdMs` has passed, `overloaded()` is true and the server answers new requests with 503
 * and Retry-After at once instead of queueing them, so that the requests it does accept keep a bounded
 * latency (the approach of @fastify/under-pressure and of Google SRE's "Handling Overload"). The delay is also
 * read live: requests parsed in one turn of the loop run one after another before the timer can fire, so a
 * request arriving when the timer is already more than `maxDelayMs` overdue is shed too.
 *
 * @example
 * const shedder = new LoadShedder({ maxDelayMs: 100 });
 * shedder.start();
 * if (shedder.overloaded()) reply.code(503);
 */
export class LoadShedder {
  private readonly sampleMs: number;
  private readonly holdMs: number;
  private timer: NodeJS.Timeout | null = null;
  private expected = 0;
  private until = 0;
  /**
   * Whether the last sample, or one within `holdMs` before it, was over the limit. A clock alone would end the
   * hold while the requests that queued behind the late turn are still being read (a descheduled process, a
   * long turn): only a sample, which runs once they are done, can say the loop caught up.
   */
  private late = false;
  /** Requests shed since start. */
  shed = 0;
  /** The last sample's delay (ms). */
  lastDelayMs = 0;

  constructor(private readonly options: LoadShedderOptions) {
    this.sampleMs = options.sampleMs ?? 20;
    this.holdMs = options.holdMs ?? this.sampleMs;
  }

  /** Starts sampling (a timer that does not keep the process alive). */
  start(): void {
    if (this.timer !== null || this.options.maxDelayMs <= 0) return;
    this.expected = performance.now() + this.sampleMs;
    this.timer = setInterval(() => this.sample(), this.sampleMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer !== null) clearInterval(this.timer);
    this.timer = null;
  }

  private sample(): void {
    const now = performance.now();
    const delay = Math.max(0, now - this.expected);
    this.expected = now + this.sampleMs;
    this.lastDelayMs = delay;
    if (delay > this.options.maxDelayMs) {
      this.late = true;
      this.until = now + this.holdMs;
    } else if (now >= this.until) this.late = false;
  }

  /**
   * Whether a request arriving now should be shed; counts it when so. `inFlight` is how many requests are being
   * answered besides it: past `maxInFlight` the new one would only queue behind them (Little's law: the wait
   * grows with the queue), so it is shed whatever the loop's delay says yet.
   */
  overloaded(inFlight = 0): boolean {
    const limit = this.options.maxInFlight ?? 0;
    if (limit > 0 && inFlight >= limit) {
      this.shed++;
      return true;
    }
    if (this.options.maxDelayMs <= 0) return false;
    const now = performance.now();
    if (!this.late && now - this.expected <= this.options.maxDelayMs) return false;
    this.shed++;
    return true;
  }

  /** Whole seconds a shed client should wait (Retry-After). */
  retryAfterSeconds(): number {
    return Math.max(1, Math.ceil(this.holdMs / 1000));
  }
}
