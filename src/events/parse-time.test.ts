import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseCanonicalTimeBytes, parseEventTime } from "./parse-time.js";

describe("parseEventTime", () => {
  it("parseEventTime(iso) honours Z and numeric offsets", () => {
    expect(parseEventTime("2026-11-25T16:00:00Z")).toBe(Date.UTC(2026, 10, 25, 16));
    expect(parseEventTime("2026-11-25T17:00:00+01:00")).toBe(Date.UTC(2026, 10, 25, 16));
    expect(parseEventTime("2026-11-25T11:30:00-0430")).toBe(Date.UTC(2026, 10, 25, 16));
    expect(parseEventTime("2026-11-25 16:00Z")).toBe(Date.UTC(2026, 10, 25, 16));
  });

  it("parseEventTime(iso) keeps milliseconds and truncates finer fractions", () => {
    expect(parseEventTime("2026-11-25T16:00:00.123456Z")).toBe(Date.UTC(2026, 10, 25, 16, 0, 0, 123));
    expect(parseEventTime("2026-11-25T16:00:00.5Z")).toBe(Date.UTC(2026, 10, 25, 16, 0, 0, 500));
  });

  it("parseEventTime(epoch) takes numbers and digit strings as milliseconds", () => {
    expect(parseEventTime(1795795200000)).toBe(1795795200000);
    expect(parseEventTime("1795795200000")).toBe(1795795200000);
    expect(parseEventTime(1795795200000n)).toBe(1795795200000);
  });

  it("parseEventTime rejects times without an offset, impossible dates and junk", () => {
    for (const bad of [
      "2026-11-25T16:00:00",
      "2026-13-01T00:00:00Z",
      "2026-02-29T00:00:00Z",
      "2026-11-31T00:00:00Z",
      "2026-11-25T24:00:00Z",
      "2026-11-25T16:60:00Z",
      "2026-11-25T16:00:00+25:00",
      "yesterday",
      "",
      1.5,
      -1,
      Number.NaN,
      null,
      undefined,
      {},
    ]) {
      expect(parseEventTime(bad), String(bad)).toBeNaN();
    }
  });

  it("parseEventTime accepts 29 February in leap years", () => {
    expect(parseEventTime("2028-02-29T00:00:00Z")).toBe(Date.UTC(2028, 1, 29));
  });
});

describe("parseEventTime on the canonical form", () => {
  it("parseEventTime(toISOString()) equals Date.parse for instants across years, leap days and month ends", () => {
    const instants = [
      0,
      Date.UTC(2000, 1, 29, 23, 59, 59, 999),
      Date.UTC(2024, 11, 31, 12),
      Date.UTC(2100, 2, 1),
    ];
    for (let t = Date.UTC(1999, 0, 1); t < Date.UTC(2031, 0, 1); t += 86_400_000 * 7 + 3_723_456)
      instants.push(t);
    for (const t of instants)
      expect(parseEventTime(new Date(t).toISOString()), new Date(t).toISOString()).toBe(t);
  });

  it("parseEventTime rejects canonical-looking text with impossible fields", () => {
    for (const bad of [
      "2026-02-29T00:00:00.000Z",
      "2026-04-31T00:00:00.000Z",
      "2026-01-01T24:00:00.000Z",
      "2026-0a-01T00:00:00.000Z",
      "2026-01-01T00:00:00.0x0Z",
    ]) {
      expect(parseEventTime(bad), bad).toBeNaN();
    }
  });
});

describe("parseEventTime on the canonical form with an offset", () => {
  it("parseEventTime(local time with ±HH:MM) equals Date.parse across offsets, days and years", () => {
    const offsets = ["+00:00", "+01:00", "+05:30", "+09:00", "+14:00", "-03:00", "-04:30", "-12:00"];
    for (let t = Date.UTC(1999, 11, 30); t < Date.UTC(2031, 0, 2); t += 86_400_000 * 5 + 3_723_456) {
      for (const offset of offsets) {
        const text = `${new Date(t).toISOString().slice(0, 23)}${offset}`;
        expect(parseEventTime(text), text).toBe(Date.parse(text));
      }
    }
  });

  it("parseEventTime rejects canonical-looking offsets that are not times", () => {
    for (const bad of [
      "2026-01-01T00:00:00.000+24:00",
      "2026-01-01T00:00:00.000+01:60",
      "2026-01-01T00:00:00.000*01:00",
      "2026-01-01T00:00:00.000+0100x",
    ]) {
      expect(parseEventTime(bad), bad).toBeNaN();
    }
  });
});

describe("parseCanonicalTimeBytes", () => {
  /** The bytes of `text` inside a larger buffer, so offsets are exercised too. */
  function parseBytes(text: string): number {
    const bytes = Buffer.from(`{"t":"${text}"}`, "latin1");
    return parseCanonicalTimeBytes(bytes, 6, 6 + text.length);
  }

  it("parseCanonicalTimeBytes reads both canonical forms as parseEventTime does", () => {
    expect(parseBytes("2026-11-25T16:00:00.000Z")).toBe(Date.UTC(2026, 10, 25, 16));
    expect(parseBytes("2026-11-25T17:30:00.250+01:30")).toBe(Date.UTC(2026, 10, 25, 16, 0, 0, 250));
    expect(parseBytes("2026-11-25T11:00:00.000-05:00")).toBe(Date.UTC(2026, 10, 25, 16));
  });

  it("parseCanonicalTimeBytes is NaN for other forms, impossible fields and junk", () => {
    for (const other of [
      "2026-11-25T16:00:00Z",
      "1795795200000",
      "2026-11-25T16:00:00.000+0100",
      "2026-02-29T00:00:00.000Z",
      "2026-01-01T00:00:00.000+24:00",
      "2026-01-01T00:00:00.0x0Z",
      "2026-01-01T00:00:00.000z",
      "",
    ]) {
      expect(parseBytes(other), other).toBeNaN();
    }
  });

  it("parseCanonicalTimeBytes equals parseEventTime on canonical text, edited or not, unless it is NaN", () => {
    const printable = fc.integer({ min: 32, max: 126 }).map((c) => String.fromCharCode(c));
    const canonicalish = fc
      .tuple(
        fc.integer({ min: -5e11, max: 3e14 }),
        fc.constantFrom("Z", "+00:00", "+05:30", "-12:00", "+23:59", "-00:60", "+0100"),
        fc.array(fc.tuple(fc.nat(28), printable), { maxLength: 2 }),
      )
      .map(([t, zone, edits]) => {
        const chars = [...`${new Date(t).toISOString().slice(0, 23)}${zone}`];
        for (const [at, c] of edits) if (at < chars.length) chars[at] = c;
        return chars.join("");
      });
    let read = 0;
    fc.assert(
      fc.property(fc.oneof(canonicalish, fc.string({ unit: printable, maxLength: 30 })), (text) => {
        const fromBytes = parseBytes(text);
        if (Number.isNaN(fromBytes)) return;
        read++;
        expect(fromBytes).toBe(parseEventTime(text));
      }),
      { numRuns: 3000, seed: 7 },
    );
    expect(read).toBeGreaterThan(200);
  });

  it("parseCanonicalTimeBytes reads every toISOString() text parseEventTime reads", () => {
    for (let t = Date.UTC(1970, 0, 1); t < Date.UTC(2100, 0, 1); t += 86_400_000 * 37 + 3_723_456) {
      const text = new Date(t).toISOString();
      expect(parseBytes(text), text).toBe(t);
    }
  });
});
