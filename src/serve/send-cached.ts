import type { FastifyReply, FastifyRequest } from "fastify";
import { type CachedResponse, cachedResponse, etagMatches, type ResponseCache } from "./response-cache.js";

/**
 * Answers a read of the live run from the cache, computing and storing it on a miss (`compute` checks the
 * request too: a URL in the cache was a valid request, and a hit skips the check): the response carries
 * the run's ETag and the run id (`Avails-Run`), and a request whose If-None-Match has that ETag gets 304
 * without a body. Clients revalidate every time (`Cache-Control: no-cache`), which costs them a 304.
 *
 * @example
 * return sendCached(request, reply, ctx.caches.avails, runId, () => answerAvails(context, query));
 */
export async function sendCached(
  request: FastifyRequest,
  reply: FastifyReply,
  cache: ResponseCache,
  runId: string,
  compute: () => unknown | Promise<unknown>,
): Promise<FastifyReply> {
  const key = `${runId} ${request.url}`;
  let entry: CachedResponse | undefined = cache.get(key);
  if (entry === undefined) {
    const generation = cache.generation;
    entry = cachedResponse(runId, await compute());
    cache.set(key, entry, generation);
  }
  reply.header("etag", entry.etag).header("cache-control", "no-cache").header("avails-run", runId);
  if (etagMatches(request.headers["if-none-match"], entry.etag)) return reply.code(304).send();
  return reply.type("application/json; charset=utf-8").send(entry.body);
}
