/**
 * Runs store writes one after another: the store's writes (an ingest, a booking) each use the one
 * connection's transaction, which concurrent writes would share.
 *
 * @example
 * const writes = new WriteQueue();
 * const report = await writes.run(() => store.ingest([file]));
 */
export class WriteQueue {
  private tail: Promise<unknown> = Promise.resolve();

  run<T>(body: () => Promise<T>): Promise<T> {
    const next = this.tail.then(body, body);
    this.tail = next.catch(() => undefined);
    return next;
  }
}
