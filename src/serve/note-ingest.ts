import type { IngestReport } from "../store/store.js";
import type { ServeContext } from "./serve-context.js";

/**
 * What the server does after an ingest it made commits (a POSTed batch, a streamed one): the watermark moves,
 * so the freshness scheduler sees new events, and cached forecast answers (which carry actuals) are dropped.
 *
 * @example
 * const report = await ctx.writes.run(() => ctx.store.ingest([file]));
 * noteIngest(ctx, report);
 */
export function noteIngest(ctx: ServeContext, report: IngestReport): void {
  if (report.watermarkAfter !== null) ctx.watermark = Date.parse(report.watermarkAfter);
  if (report.accepted > 0) ctx.caches.forecasts.clear();
}
