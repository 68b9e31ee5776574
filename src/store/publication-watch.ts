import { resolve } from "node:path";

/** Listeners per runs folder (absolute path): every store handle of one folder in this process shares them. */
const listeners = new Map<string, Set<() => void>>();

/**
 * Calls `listener` after each publish or rollback of a runs folder committed in this process, by any store
 * handle on that folder; returns the function that stops it. A server holds the store's write lock, so every
 * publication of its store happens in its process.
 *
 * @example
 * const stop = watchPublications("data/runs", () => cache.clear());
 * stop();
 */
export function watchPublications(runsDir: string, listener: () => void): () => void {
  const key = resolve(runsDir);
  let set = listeners.get(key);
  if (set === undefined) {
    set = new Set();
    listeners.set(key, set);
  }
  const own = set;
  own.add(listener);
  return () => {
    own.delete(listener);
    if (own.size === 0 && listeners.get(key) === own) listeners.delete(key);
  };
}

/**
 * Tells the listeners of a runs folder that what is published changed; a listener that throws does not stop
 * the others.
 *
 * @example
 * notifyPublication("data/runs");
 */
export function notifyPublication(runsDir: string): void {
  const set = listeners.get(resolve(runsDir));
  if (set === undefined) return;
  for (const listener of [...set]) {
    try {
      listener();
    } catch {
      // A listener's failure is its own; the publication has committed.
    }
  }
}
