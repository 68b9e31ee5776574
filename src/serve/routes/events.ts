import { randomBytes } from "node:crypto";
import { mkdir, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { noteIngest } from "../note-ingest.js";
import { HttpProblem } from "../problem.js";
import type { RouteSpec } from "../route-spec.js";
import { ingestReportSchema } from "../schemas/common.js";
import type { ServeContext } from "../serve-context.js";

/** The media types POST /v1/events reads as NDJSON. */
export const NDJSON_TYPES = ["application/x-ndjson", "application/jsonl", "application/ndjson"];

/**
 * POST /v1/events: a batch of delivery events as NDJSON (gzip-compressed when Content-Encoding says so),
 * ingested exactly as `avails ingest` ingests a file: the same validation and quarantine (with line numbers),
 * dedupe by event_id against everything stored (a batch posted twice counts once) and lateness against the
 * watermark. Batches are ingested one at a time; the answer is the ingest report.
 *
 * @example
 * const route = eventsRoute(ctx); // POST /v1/events, Content-Type: application/x-ndjson
 */
export function eventsRoute(ctx: ServeContext): RouteSpec {
  return {
    method: "POST",
    url: "/v1/events",
    role: "admin",
    tag: "events",
    summary: "Ingest a batch of delivery events",
    description:
      "One event per line, as in the event contract. Bad rows are quarantined (not dropped) and counted in the " +
      "report; an event_id already stored is a duplicate, so retrying a batch is safe. Send `Content-Encoding: gzip` " +
      "for a compressed body.",
    body: { contentType: NDJSON_TYPES[0], description: "delivery events, one JSON object per line" },
    responses: {
      200: {
        description: "the ingest report (accepted, duplicates, quarantined by reason)",
        schema: ingestReportSchema,
      },
      413: { description: "the body is larger than serve.bodyLimitBytes" },
      415: { description: "not NDJSON, or an encoding other than gzip" },
    },
    async handler(request) {
      const body = request.body;
      if (!Buffer.isBuffer(body) || body.length === 0) {
        throw new HttpProblem(400, "body: no events (send NDJSON, one event per line)", "body");
      }
      const encoding = String(request.headers["content-encoding"] ?? "identity").toLowerCase();
      if (encoding !== "identity" && encoding !== "gzip") {
        throw new HttpProblem(415, `content-encoding: "${encoding}" is not gzip`, "content-encoding");
      }
      await mkdir(ctx.spoolDir, { recursive: true });
      const stamp = new Date().toISOString().replace(/[:.]/g, "");
      const file = join(
        ctx.spoolDir,
        `events-${stamp}-${randomBytes(4).toString("hex")}.ndjson${encoding === "gzip" ? ".gz" : ""}`,
      );
      await writeFile(file, body);
      try {
        const report = await ctx.writes.run(() => ctx.store.ingest([file]));
        noteIngest(ctx, report);
        return report;
      } catch (error) {
        // A body the readers cannot open (a broken gzip stream) is the request's fault; anything else is ours.
        const message = (error as Error).message;
        if (/gzip|zlib|incorrect header|unexpected end of file/i.test(message)) {
          throw new HttpProblem(400, `body: not a gzip stream of NDJSON (${message})`, "body");
        }
        throw error;
      } finally {
        await rm(file, { force: true });
      }
    },
  };
}
