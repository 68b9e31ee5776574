import type { DimensionConfig } from "../config/schema.js";
import type { DeliveryEvent, EventType } from "./event.js";
import { parseEventTime } from "./parse-time.js";
import type { Rejection } from "./rejection.js";

/** The store keeps count as a 32-bit integer: a larger pre-aggregated row is refused, not stored. */
export const MAX_COUNT = 2_147_483_647;

/** What validation needs to know besides the row. */
export interface ValidationContext {
  dimensions: readonly DimensionConfig[];
  /** The ingest run's clock, epoch ms: rows later than this plus the tolerance are `future_time`. */
  now: number;
  futureToleranceMs: number;
}

/** The result of validating one row: the event, or why it is rejected. */
export type Validation = { ok: true; event: DeliveryEvent } | { ok: false; rejection: Rejection };

const MAX_ID_LENGTH = 128;
const MAX_DIMENSION_LENGTH = 256;
const INTEGER_TEXT = /^-?\d+$/;
const NUMBER_TEXT = /^-?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

const EVENT_TYPE_BY_NAME = new Map<string, EventType>([
  ["opportunity", "opportunity"],
  ["impression", "impression"],
  ["click", "click"],
]);

function reject(reason: Rejection["reason"], detail: string): Validation {
  return { ok: false, rejection: { reason, detail } };
}

function isAbsent(value: unknown): boolean {
  return value === undefined || value === null || value === "";
}

function show(value: unknown): string {
  const text = typeof value === "bigint" ? value.toString() : JSON.stringify(value);
  return text === undefined ? String(value) : text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

/**
 * Reads an integer field that may arrive as a JSON number or as text (CSV, Parquet VARCHAR).
 * Returns the integer, NaN for a non-integral number, or undefined when the value is not a number at all.
 */
function readInteger(value: unknown): number | undefined {
  if (typeof value === "number")
    return Number.isFinite(value) && Number.isInteger(value) ? value : Number.NaN;
  if (typeof value === "bigint") return Number(value);
  if (typeof value === "string") {
    const text = value.trim();
    if (INTEGER_TEXT.test(text)) return Number(text);
    if (NUMBER_TEXT.test(text)) return Number.NaN;
  }
  return undefined;
}

/**
 * Checks one parsed row against the delivery-event contract and normalises it (times to epoch ms, dimension
 * values to their configured case, defaults for count and cost). The first broken rule decides the reason.
 *
 * @example
 * const ctx = { dimensions: [{ name: "geo", required: true, default: "unknown", case: "upper" }],
 *               now: Date.now(), futureToleranceMs: 3_600_000 };
 * validateRecord({ event_id: "e1", event_type: "opportunity", event_time: "2026-11-01T10:00:00Z", geo: "se" }, ctx);
 * // { ok: true, event: { eventId: "e1", eventType: "opportunity", dimensions: ["SE"], count: 1, ... } }
 */
export function validateRecord(record: Record<string, unknown>, ctx: ValidationContext): Validation {
  const id = record.event_id;
  if (isAbsent(id)) return reject("missing_field:event_id", "event_id is required");
  if (typeof id !== "string") return reject("bad_type", `event_id: expected a string, got ${show(id)}`);
  if (id.length > MAX_ID_LENGTH)
    return reject("bad_value", `event_id: longer than ${MAX_ID_LENGTH} characters`);

  const typeValue = record.event_type;
  if (isAbsent(typeValue)) return reject("missing_field:event_type", "event_type is required");
  if (typeof typeValue !== "string") {
    return reject("bad_type", `event_type: expected a string, got ${show(typeValue)}`);
  }
  const eventType =
    EVENT_TYPE_BY_NAME.get(typeValue) ?? EVENT_TYPE_BY_NAME.get(typeValue.trim().toLowerCase());
  if (eventType === undefined) {
    return reject(
      "unknown_event_type",
      `event_type: ${show(typeValue)} is not opportunity, impression or click`,
    );
  }

  const timeValue = record.event_time;
  if (isAbsent(timeValue)) return reject("missing_field:event_time", "event_time is required");
  const eventTime = parseEventTime(timeValue);
  if (Number.isNaN(eventTime)) {
    return reject("bad_time", `event_time: ${show(timeValue)} is not ISO 8601 with an offset or epoch ms`);
  }
  if (eventTime > ctx.now + ctx.futureToleranceMs) {
    return reject("future_time", `event_time: ${show(timeValue)} is after the ingest clock`);
  }

  let ingestionTime: number | null = null;
  const ingestionValue = record.ingestion_time;
  if (!isAbsent(ingestionValue)) {
    ingestionTime = parseEventTime(ingestionValue);
    if (Number.isNaN(ingestionTime)) {
      return reject(
        "bad_time",
        `ingestion_time: ${show(ingestionValue)} is not ISO 8601 with an offset or epoch ms`,
      );
    }
  }

  let campaignId: string | null = null;
  const campaignValue = record.campaign_id;
  if (eventType !== "opportunity") {
    if (isAbsent(campaignValue)) {
      return reject("missing_field:campaign_id", `campaign_id is required for ${eventType} events`);
    }
    if (typeof campaignValue !== "string") {
      return reject("bad_type", `campaign_id: expected a string, got ${show(campaignValue)}`);
    }
    if (campaignValue.length > MAX_ID_LENGTH) {
      return reject("bad_value", `campaign_id: longer than ${MAX_ID_LENGTH} characters`);
    }
    campaignId = campaignValue;
  }

  const dimensions: string[] = new Array(ctx.dimensions.length);
  for (let i = 0; i < ctx.dimensions.length; i++) {
    const dimension = ctx.dimensions[i];
    // Own fields only: a dimension named like an Object.prototype member must not find it.
    const value = Object.hasOwn(record, dimension.name) ? record[dimension.name] : undefined;
    if (isAbsent(value) || (typeof value === "string" && value.trim() === "" && !dimension.required)) {
      if (dimension.required) {
        return reject(`missing_field:${dimension.name}`, `${dimension.name} is required`);
      }
      dimensions[i] = dimension.default;
      continue;
    }
    if (typeof value !== "string") {
      return reject("bad_type", `${dimension.name}: expected a string, got ${show(value)}`);
    }
    const trimmed = value.trim();
    if (trimmed === "") return reject(`missing_field:${dimension.name}`, `${dimension.name} is blank`);
    if (trimmed.length > MAX_DIMENSION_LENGTH) {
      return reject("bad_value", `${dimension.name}: longer than ${MAX_DIMENSION_LENGTH} characters`);
    }
    dimensions[i] =
      dimension.case === "upper"
        ? trimmed.toUpperCase()
        : dimension.case === "lower"
          ? trimmed.toLowerCase()
          : trimmed;
  }

  let count = 1;
  const countValue = record.count;
  if (!isAbsent(countValue)) {
    const parsed = readInteger(countValue);
    if (parsed === undefined)
      return reject("bad_type", `count: expected an integer, got ${show(countValue)}`);
    if (!(parsed >= 1) || !Number.isSafeInteger(parsed)) {
      return reject("bad_value", `count: ${show(countValue)} is not an integer >= 1`);
    }
    if (parsed > MAX_COUNT) {
      return reject(
        "bad_value",
        `count: ${show(countValue)} is above ${MAX_COUNT}, the most one row can carry`,
      );
    }
    count = parsed;
  }

  let costMicros = 0;
  const costValue = record.cost_micros;
  if (!isAbsent(costValue)) {
    const parsed = readInteger(costValue);
    if (parsed === undefined)
      return reject("bad_type", `cost_micros: expected an integer, got ${show(costValue)}`);
    if (parsed < 0) return reject("negative_cost", `cost_micros: ${show(costValue)} is negative`);
    if (!Number.isSafeInteger(parsed)) {
      return reject("bad_value", `cost_micros: ${show(costValue)} is not an integer`);
    }
    costMicros = parsed;
  }

  return {
    ok: true,
    event: { eventId: id, eventType, eventTime, ingestionTime, campaignId, dimensions, count, costMicros },
  };
}
