import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { DimensionConfig } from "../config/schema.js";
import { type ValidationContext, validateRecord } from "./validate.js";

const NOW = Date.UTC(2026, 10, 25, 12);
const TOLERANCE = 3_600_000;

const DIMENSIONS: DimensionConfig[] = [
  { name: "geo", required: true, default: "unknown", case: "upper" },
  { name: "device", required: true, default: "unknown", case: "lower" },
  { name: "content", required: false, default: "unknown", case: "lower" },
  { name: "publisher", required: false, default: "none", case: "keep" },
];

const CTX: ValidationContext = { dimensions: DIMENSIONS, now: NOW, futureToleranceMs: TOLERANCE };

/** A valid impression row, with fields replaced or removed (undefined) by `changes`. */
function row(changes: Record<string, unknown> = {}): Record<string, unknown> {
  const base: Record<string, unknown> = {
    event_id: "e1",
    event_type: "impression",
    event_time: "2026-11-25T10:00:00Z",
    campaign_id: "c1",
    geo: "SE",
    device: "mobile",
  };
  for (const [name, value] of Object.entries(changes)) {
    if (value === undefined) delete base[name];
    else base[name] = value;
  }
  return base;
}

function rejection(record: Record<string, unknown>, ctx: ValidationContext = CTX) {
  const result = validateRecord(record, ctx);
  if (result.ok) throw new Error(`expected a rejection, got ${JSON.stringify(result.event)}`);
  return result.rejection;
}

function accepted(record: Record<string, unknown>, ctx: ValidationContext = CTX) {
  const result = validateRecord(record, ctx);
  if (!result.ok) throw new Error(`expected an event, got ${JSON.stringify(result.rejection)}`);
  return result.event;
}

describe("validateRecord rejections", () => {
  it("validateRecord(row) rejects a row without event_id as missing_field:event_id", () => {
    expect(rejection(row({ event_id: undefined }))).toEqual({
      reason: "missing_field:event_id",
      detail: "event_id is required",
    });
    expect(rejection(row({ event_id: "" })).reason).toBe("missing_field:event_id");
    expect(rejection(row({ event_id: null })).reason).toBe("missing_field:event_id");
  });

  it("validateRecord(row) rejects a numeric event_id as bad_type", () => {
    expect(rejection(row({ event_id: 42 }))).toEqual({
      reason: "bad_type",
      detail: "event_id: expected a string, got 42",
    });
  });

  it("validateRecord(row) rejects an event_id of 129 characters as bad_value and accepts 128", () => {
    expect(rejection(row({ event_id: "x".repeat(129) }))).toEqual({
      reason: "bad_value",
      detail: "event_id: longer than 128 characters",
    });
    expect(accepted(row({ event_id: "x".repeat(128) })).eventId).toBe("x".repeat(128));
  });

  it("validateRecord(row) rejects a row without event_type as missing_field:event_type", () => {
    expect(rejection(row({ event_type: undefined }))).toEqual({
      reason: "missing_field:event_type",
      detail: "event_type is required",
    });
    expect(rejection(row({ event_type: "" })).reason).toBe("missing_field:event_type");
  });

  it("validateRecord(row) rejects a numeric event_type as bad_type", () => {
    expect(rejection(row({ event_type: 1 }))).toEqual({
      reason: "bad_type",
      detail: "event_type: expected a string, got 1",
    });
  });

  it("validateRecord(row) rejects an event_type outside the contract as unknown_event_type", () => {
    expect(rejection(row({ event_type: "conversion" }))).toEqual({
      reason: "unknown_event_type",
      detail: 'event_type: "conversion" is not opportunity, impression or click',
    });
    expect(rejection(row({ event_type: "impressions" })).reason).toBe("unknown_event_type");
  });

  it("validateRecord(row) shortens a long value in the detail to 57 characters and an ellipsis", () => {
    const long = "y".repeat(100);
    expect(rejection(row({ event_type: long })).detail).toBe(
      `event_type: "${"y".repeat(56)}... is not opportunity, impression or click`,
    );
  });

  it("validateRecord(row) rejects a row without event_time as missing_field:event_time", () => {
    expect(rejection(row({ event_time: undefined }))).toEqual({
      reason: "missing_field:event_time",
      detail: "event_time is required",
    });
    expect(rejection(row({ event_time: "" })).reason).toBe("missing_field:event_time");
  });

  it("validateRecord(row) rejects an event_time without an offset or not a time as bad_time", () => {
    expect(rejection(row({ event_time: "2026-11-25 10:00" }))).toEqual({
      reason: "bad_time",
      detail: 'event_time: "2026-11-25 10:00" is not ISO 8601 with an offset or epoch ms',
    });
    expect(rejection(row({ event_time: "yesterday" })).reason).toBe("bad_time");
    expect(rejection(row({ event_time: 1.5 })).reason).toBe("bad_time");
    expect(rejection(row({ event_time: { at: 1 } })).reason).toBe("bad_time");
  });

  it("validateRecord(row) rejects a bad ingestion_time as bad_time naming ingestion_time", () => {
    expect(rejection(row({ ingestion_time: "2026-11-25T10:00:00" }))).toEqual({
      reason: "bad_time",
      detail: 'ingestion_time: "2026-11-25T10:00:00" is not ISO 8601 with an offset or epoch ms',
    });
    expect(rejection(row({ ingestion_time: -1 })).detail).toBe(
      "ingestion_time: -1 is not ISO 8601 with an offset or epoch ms",
    );
  });

  it("validateRecord(row) rejects an event_time beyond now plus the tolerance as future_time", () => {
    const late = new Date(NOW + TOLERANCE + 1).toISOString();
    expect(rejection(row({ event_time: late }))).toEqual({
      reason: "future_time",
      detail: `event_time: "${late}" is after the ingest clock`,
    });
    expect(rejection(row({ event_time: NOW + TOLERANCE + 1 })).reason).toBe("future_time");
  });

  it("validateRecord(row) accepts an event_time exactly at now plus the tolerance", () => {
    expect(accepted(row({ event_time: NOW + TOLERANCE })).eventTime).toBe(NOW + TOLERANCE);
    const zero = { ...CTX, futureToleranceMs: 0 };
    expect(accepted(row({ event_time: NOW }), zero).eventTime).toBe(NOW);
    expect(rejection(row({ event_time: NOW + 1 }), zero).reason).toBe("future_time");
  });

  it("validateRecord(row) rejects an impression without campaign_id as missing_field:campaign_id", () => {
    expect(rejection(row({ campaign_id: undefined }))).toEqual({
      reason: "missing_field:campaign_id",
      detail: "campaign_id is required for impression events",
    });
    expect(rejection(row({ campaign_id: null })).reason).toBe("missing_field:campaign_id");
    expect(rejection(row({ campaign_id: "" })).reason).toBe("missing_field:campaign_id");
  });

  it("validateRecord(row) rejects a click without campaign_id as missing_field:campaign_id", () => {
    expect(rejection(row({ event_type: "click", campaign_id: undefined }))).toEqual({
      reason: "missing_field:campaign_id",
      detail: "campaign_id is required for click events",
    });
  });

  it("validateRecord(row) rejects a numeric campaign_id as bad_type", () => {
    expect(rejection(row({ campaign_id: 7 }))).toEqual({
      reason: "bad_type",
      detail: "campaign_id: expected a string, got 7",
    });
  });

  it("validateRecord(row) rejects a campaign_id of 129 characters as bad_value", () => {
    expect(rejection(row({ campaign_id: "c".repeat(129) }))).toEqual({
      reason: "bad_value",
      detail: "campaign_id: longer than 128 characters",
    });
  });

  it("validateRecord(row) rejects a row without a required dimension as missing_field:<dimension>", () => {
    expect(rejection(row({ geo: undefined }))).toEqual({
      reason: "missing_field:geo",
      detail: "geo is required",
    });
    expect(rejection(row({ device: "" }))).toEqual({
      reason: "missing_field:device",
      detail: "device is required",
    });
    expect(rejection(row({ geo: "   " }))).toEqual({ reason: "missing_field:geo", detail: "geo is blank" });
  });

  it("validateRecord(row) rejects an object as a dimension value as bad_type", () => {
    expect(rejection(row({ geo: { code: "SE" } }))).toEqual({
      reason: "bad_type",
      detail: 'geo: expected a string, got {"code":"SE"}',
    });
    expect(rejection(row({ content: 12 }))).toEqual({
      reason: "bad_type",
      detail: "content: expected a string, got 12",
    });
  });

  it("validateRecord(row) rejects a dimension value longer than 256 characters as bad_value", () => {
    expect(rejection(row({ device: "d".repeat(257) }))).toEqual({
      reason: "bad_value",
      detail: "device: longer than 256 characters",
    });
    expect(accepted(row({ device: ` ${"d".repeat(256)} ` })).dimensions[1]).toBe("d".repeat(256));
  });

  it('validateRecord(row) rejects count "three" as bad_type', () => {
    expect(rejection(row({ count: "three" }))).toEqual({
      reason: "bad_type",
      detail: 'count: expected an integer, got "three"',
    });
    expect(rejection(row({ count: true })).reason).toBe("bad_type");
  });

  it("validateRecord(row) rejects count 0 as bad_value", () => {
    expect(rejection(row({ count: 0 }))).toEqual({
      reason: "bad_value",
      detail: "count: 0 is not an integer >= 1",
    });
    expect(rejection(row({ count: "0" })).reason).toBe("bad_value");
    expect(rejection(row({ count: -2 })).reason).toBe("bad_value");
  });

  it("validateRecord(row) rejects a count above 2^31 - 1, which the store cannot hold, as bad_value", () => {
    expect(rejection(row({ count: 2_147_483_648 }))).toEqual({
      reason: "bad_value",
      detail: "count: 2147483648 is above 2147483647, the most one row can carry",
    });
    expect(validateRecord(row({ count: 2_147_483_647 }), CTX).ok).toBe(true);
  });

  it("validateRecord(row) rejects count 1.5 as bad_value, as a number and as text", () => {
    expect(rejection(row({ count: 1.5 }))).toEqual({
      reason: "bad_value",
      detail: "count: 1.5 is not an integer >= 1",
    });
    expect(rejection(row({ count: "1.5" }))).toEqual({
      reason: "bad_value",
      detail: 'count: "1.5" is not an integer >= 1',
    });
  });

  it("validateRecord(row) rejects a count beyond the safe integers as bad_value", () => {
    expect(rejection(row({ count: 2 ** 53 })).reason).toBe("bad_value");
    expect(rejection(row({ count: Number.POSITIVE_INFINITY })).reason).toBe("bad_value");
  });

  it('validateRecord(row) rejects cost_micros "12x" as bad_type', () => {
    expect(rejection(row({ cost_micros: "12x" }))).toEqual({
      reason: "bad_type",
      detail: 'cost_micros: expected an integer, got "12x"',
    });
  });

  it("validateRecord(row) rejects a negative cost as negative_cost", () => {
    expect(rejection(row({ cost_micros: -5 }))).toEqual({
      reason: "negative_cost",
      detail: "cost_micros: -5 is negative",
    });
  });

  it('validateRecord(row) rejects the CSV text "-5" as cost as negative_cost', () => {
    expect(rejection(row({ cost_micros: "-5" }))).toEqual({
      reason: "negative_cost",
      detail: 'cost_micros: "-5" is negative',
    });
  });

  it("validateRecord(row) rejects a fractional cost as bad_value", () => {
    expect(rejection(row({ cost_micros: 2.5 }))).toEqual({
      reason: "bad_value",
      detail: "cost_micros: 2.5 is not an integer",
    });
  });

  it("validateRecord(row) reports the first broken rule in field order", () => {
    expect(rejection({ event_type: 5, event_time: "nope" }).reason).toBe("missing_field:event_id");
    expect(rejection(row({ event_type: "bogus", event_time: "nope" })).reason).toBe("unknown_event_type");
    expect(rejection(row({ event_time: "nope", campaign_id: undefined })).reason).toBe("bad_time");
    expect(rejection(row({ geo: undefined, count: 0 })).reason).toBe("missing_field:geo");
    expect(rejection(row({ count: 0, cost_micros: -1 })).reason).toBe("bad_value");
  });
});

describe("validateRecord normalisation", () => {
  it("validateRecord(row) returns the event with times in epoch ms and defaults for count and cost", () => {
    expect(validateRecord(row(), CTX)).toEqual({
      ok: true,
      event: {
        eventId: "e1",
        eventType: "impression",
        eventTime: Date.UTC(2026, 10, 25, 10),
        ingestionTime: null,
        campaignId: "c1",
        dimensions: ["SE", "mobile", "unknown", "none"],
        count: 1,
        costMicros: 0,
      },
    });
  });

  it("validateRecord(row) normalises dimension case per config: upper, lower and keep, after trimming", () => {
    const event = accepted(row({ geo: " se ", device: "Mobile", content: "NEWS", publisher: " BigCo " }));
    expect(event.dimensions).toEqual(["SE", "mobile", "news", "BigCo"]);
  });

  it("validateRecord(row) fills an absent optional dimension with its default", () => {
    expect(accepted(row({ content: undefined, publisher: undefined })).dimensions).toEqual([
      "SE",
      "mobile",
      "unknown",
      "none",
    ]);
    expect(accepted(row({ content: "", publisher: null })).dimensions).toEqual([
      "SE",
      "mobile",
      "unknown",
      "none",
    ]);
  });

  it("validateRecord(row) ignores fields that are not configured dimensions", () => {
    const event = accepted(row({ browser: "firefox", extra: { nested: true } }));
    expect(event.dimensions).toEqual(["SE", "mobile", "unknown", "none"]);
  });

  it("validateRecord(row) with no configured dimensions returns no dimension values", () => {
    const event = accepted(row(), { ...CTX, dimensions: [] });
    expect(event.dimensions).toEqual([]);
  });

  it('validateRecord(row) reads CSV-style text numbers: count "3", cost_micros "2500"', () => {
    const event = accepted(row({ count: "3", cost_micros: "2500" }));
    expect(event.count).toBe(3);
    expect(event.costMicros).toBe(2500);
    const padded = accepted(row({ count: " 7 ", cost_micros: " 0 " }));
    expect(padded.count).toBe(7);
    expect(padded.costMicros).toBe(0);
  });

  it("validateRecord(row) reads numeric and bigint count and cost (JSON and Parquet)", () => {
    const event = accepted(row({ count: 12, cost_micros: 987654321 }));
    expect(event.count).toBe(12);
    expect(event.costMicros).toBe(987654321);
    const big = accepted(row({ count: 4n, cost_micros: 5000n }));
    expect(big.count).toBe(4);
    expect(big.costMicros).toBe(5000);
  });

  it("validateRecord(row) reads event_type case-insensitively and ignores surrounding spaces", () => {
    expect(accepted(row({ event_type: "IMPRESSION" })).eventType).toBe("impression");
    expect(accepted(row({ event_type: " Click " })).eventType).toBe("click");
    expect(accepted(row({ event_type: "Opportunity" })).eventType).toBe("opportunity");
  });

  it("validateRecord(row) drops campaign_id (null) for opportunities, whether given or not", () => {
    expect(accepted(row({ event_type: "opportunity" })).campaignId).toBeNull();
    expect(accepted(row({ event_type: "opportunity", campaign_id: undefined })).campaignId).toBeNull();
    expect(accepted(row({ event_type: "opportunity", campaign_id: 99 })).campaignId).toBeNull();
  });

  it("validateRecord(row) keeps campaign_id for clicks", () => {
    expect(accepted(row({ event_type: "click", campaign_id: "camp-9" })).campaignId).toBe("camp-9");
  });

  it("validateRecord(row) sets ingestion_time to null when absent and parses it when given", () => {
    expect(accepted(row({ ingestion_time: undefined })).ingestionTime).toBeNull();
    expect(accepted(row({ ingestion_time: "" })).ingestionTime).toBeNull();
    expect(accepted(row({ ingestion_time: "2026-11-25T12:30:00+01:00" })).ingestionTime).toBe(
      Date.UTC(2026, 10, 25, 11, 30),
    );
  });

  it("validateRecord(row) accepts epoch-ms times as numbers and as digit text", () => {
    const ms = Date.UTC(2026, 10, 25, 9, 15, 30, 250);
    const event = accepted(row({ event_time: ms, ingestion_time: String(ms + 1000) }));
    expect(event.eventTime).toBe(ms);
    expect(event.ingestionTime).toBe(ms + 1000);
  });

  it("validateRecord(row) converts an ISO time with an offset to UTC epoch ms", () => {
    expect(accepted(row({ event_time: "2026-11-25T11:00:00+01:00" })).eventTime).toBe(
      Date.UTC(2026, 10, 25, 10),
    );
  });
});

describe("validateRecord property", () => {
  const caseVariant = (word: string) =>
    fc.constantFrom(word, word.toUpperCase(), word[0].toUpperCase() + word.slice(1), ` ${word} `);
  const dimensionValue = fc.stringMatching(/^[A-Za-z0-9_-]{1,20}$/);
  const pad = fc.constantFrom("", " ", "  ");

  it("validateRecord(row) accepts any record built from valid parts and round-trips its fields", () => {
    fc.assert(
      fc.property(
        fc.record({
          id: fc.string({ minLength: 1, maxLength: 128 }),
          type: fc
            .constantFrom("opportunity", "impression", "click")
            .chain((t) => caseVariant(t).map((text) => ({ t, text }))),
          time: fc.integer({ min: 0, max: NOW + TOLERANCE }),
          timeAsIso: fc.boolean(),
          ingestion: fc.option(fc.integer({ min: 0, max: NOW * 2 }), { nil: undefined }),
          campaign: fc.string({ minLength: 1, maxLength: 128 }),
          geo: dimensionValue,
          device: dimensionValue,
          content: fc.option(dimensionValue, { nil: undefined }),
          publisher: fc.option(dimensionValue, { nil: undefined }),
          geoPad: pad,
          count: fc.option(fc.integer({ min: 1, max: 1_000_000_000 }), { nil: undefined }),
          cost: fc.option(fc.integer({ min: 0, max: 1_000_000_000_000 }), { nil: undefined }),
          numbersAsText: fc.boolean(),
        }),
        (p) => {
          const record: Record<string, unknown> = {
            event_id: p.id,
            event_type: p.type.text,
            event_time: p.timeAsIso ? new Date(p.time).toISOString() : p.time,
            campaign_id: p.campaign,
            geo: `${p.geoPad}${p.geo}${p.geoPad}`,
            device: p.device,
          };
          if (p.ingestion !== undefined) record.ingestion_time = p.ingestion;
          if (p.content !== undefined) record.content = p.content;
          if (p.publisher !== undefined) record.publisher = p.publisher;
          if (p.count !== undefined) record.count = p.numbersAsText ? String(p.count) : p.count;
          if (p.cost !== undefined) record.cost_micros = p.numbersAsText ? String(p.cost) : p.cost;
          const result = validateRecord(record, CTX);
          expect(result).toEqual({
            ok: true,
            event: {
              eventId: p.id,
              eventType: p.type.t,
              eventTime: p.time,
              ingestionTime: p.ingestion ?? null,
              campaignId: p.type.t === "opportunity" ? null : p.campaign,
              dimensions: [
                p.geo.toUpperCase(),
                p.device.toLowerCase(),
                p.content === undefined ? "unknown" : p.content.toLowerCase(),
                p.publisher ?? "none",
              ],
              count: p.count ?? 1,
              costMicros: p.cost ?? 0,
            },
          });
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe("validateRecord and Object.prototype names", () => {
  it("validateRecord(row) rejects event_type names inherited by every object as unknown_event_type", () => {
    for (const name of ["constructor", "toString", "__proto__"]) {
      expect(rejection(row({ event_type: name })).reason, name).toBe("unknown_event_type");
    }
  });

  it("validateRecord(row) gives an absent optional dimension named constructor its default", () => {
    const ctx: ValidationContext = {
      ...CTX,
      dimensions: [{ name: "constructor", required: false, default: "none", case: "lower" }],
    };
    expect(accepted(row(), ctx).dimensions).toEqual(["none"]);
  });

  it("validateRecord(row) gives a blank optional dimension its default", () => {
    const ctx: ValidationContext = {
      ...CTX,
      dimensions: [{ name: "content", required: false, default: "unknown", case: "lower" }],
    };
    expect(accepted(row({ content: "   " }), ctx).dimensions).toEqual(["unknown"]);
  });
});
