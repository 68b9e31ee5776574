import { describe, expect, it } from "vitest";
import { defaultConfig } from "../../test/helpers.js";
import type { Campaign } from "../store/campaign.js";
import { validateCampaign } from "../store/validate-campaign.js";
import { bookingEnlargement } from "./booking-enlargement.js";

const stored: Campaign = validateCampaign(
  {
    id: "c1",
    name: "Spring",
    targeting: { geo: ["SE", "NO"], device: ["mobile"] },
    start: "2026-12-01",
    end: "2026-12-14",
    goal_impressions: 50_000,
    priority: "standard",
  },
  defaultConfig,
);

describe("bookingEnlargement(before, after)", () => {
  it("names a larger goal, a wider flight, a wider targeting and a higher priority", () => {
    expect(
      bookingEnlargement(stored, {
        ...stored,
        goal_impressions: 60_000,
        end: "2026-12-15",
        targeting: { geo: ["SE", "NO", "DK"], device: ["mobile"] },
        priority: "guaranteed",
      }),
    ).toEqual([
      "goal 50,000 → 60,000",
      "flight 2026-12-01..2026-12-14 (UTC) → 2026-12-01..2026-12-15 (UTC)",
      "targeting wider on geo",
      "priority standard → guaranteed",
    ]);
    expect(bookingEnlargement(stored, { ...stored, start: "2026-11-30" })).toHaveLength(1);
    // A dimension no longer restricted allows every value of it.
    expect(bookingEnlargement(stored, { ...stored, targeting: { geo: ["SE", "NO"] } })).toEqual([
      "targeting wider on device",
    ]);
  });

  it("counts a new time zone where it moves the flight's edges outward", () => {
    // Tokyo's days start 9 hours before UTC's: the flight starts earlier.
    expect(bookingEnlargement(stored, { ...stored, time_zone: "Asia/Tokyo" })).toEqual([
      "flight 2026-12-01..2026-12-14 (UTC) → 2026-12-01..2026-12-14 (Asia/Tokyo)",
    ]);
    // New York's start later, and so end later too.
    expect(bookingEnlargement(stored, { ...stored, time_zone: "America/New_York" })).toHaveLength(1);
  });

  it("is empty when the update asks for no more", () => {
    expect(
      bookingEnlargement(stored, {
        ...stored,
        name: "Renamed",
        goal_impressions: 40_000,
        start: "2026-12-02",
        targeting: { geo: ["SE"], device: ["mobile"], content: ["news"] },
        priority: "house",
        pacing: "asap",
        daily_cap: 5000,
      }),
    ).toEqual([]);
  });
});
