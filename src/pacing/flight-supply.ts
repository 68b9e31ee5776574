import { HOUR_MS } from "../series/civil-date.js";
import type { AvailsIndex } from "./avails-index.js";
import type { HourGrid } from "./period-bounds.js";

/** The supply a campaign can win over its flight, and where it came from. */
export interface FlightSupply {
  /** Matched supply after higher priorities per flight hour (NaN: a past hour with no data). */
  matched: Float64Array;
  /** Flight hours read from the forecast grid, from the store's actuals, and repeated past the grid's end. */
  forecastHours: number;
  actualHours: number;
  extendedHours: number;
}

/** What flightSupply() reads. */
export interface FlightSupplyInput {
  /** The run's allocation index (mean supply per leaf and hour, and what each priority class takes). */
  index: AvailsIndex;
  grid: HourGrid;
  /** Leaves the campaign's targeting matches. */
  leaves: ArrayLike<number>;
  /** The campaign's priority class (0 = guaranteed): classes above it are served first. */
  priorityClass: number;
  /** First flight hour (epoch ms) and flight length. */
  flightStart: number;
  hours: number;
  /**
   * The store's opportunities on the targeted leaves per flight hour, for hours before the grid (NaN where
   * the store has no data for the hour).
   */
  actual: Float64Array;
}

const WEEK = 168;

/**
 * The campaign's matched supply after higher priorities, per flight hour: on the forecast grid the mean supply
 * of its leaves minus what higher priority classes are allocated there; before the grid (hours already in the
 * store) the actual opportunities of its leaves times the share higher classes leave over the grid part of
 * the flight (the allocation is only known on the grid); past the grid's end the grid's last week (or day,
 * for a shorter grid) repeated, a seasonal naive extension of the forecast.
 *
 * @example
 * const supply = flightSupply({ index, grid, leaves, priorityClass: 0, flightStart, hours: 336, actual });
 * supply.matched; // Float64Array(336)
 */
export function flightSupply(input: FlightSupplyInput): FlightSupply {
  const { index, grid, leaves, priorityClass, flightStart, hours, actual } = input;
  if (actual.length !== hours) {
    throw new RangeError(`flightSupply: actual has ${actual.length} hours, the flight ${hours}`);
  }
  const stride = index.hours + 1;
  const offset = Math.round((flightStart - grid.start) / HOUR_MS);
  const matched = new Float64Array(hours);
  const onGrid = (g: number): number => {
    let supply = 0;
    let higher = 0;
    for (let i = 0; i < leaves.length; i++) {
      const leaf = leaves[i];
      supply += index.supplyCum[leaf * stride + g + 1] - index.supplyCum[leaf * stride + g];
      if (priorityClass > 0) {
        const row = ((priorityClass - 1) * index.leafCount + leaf) * stride;
        higher += index.takenCum[row + g + 1] - index.takenCum[row + g];
      }
    }
    return Math.max(0, supply - higher);
  };
  const period = index.hours >= WEEK ? WEEK : Math.max(1, Math.min(24, index.hours));
  let forecastHours = 0;
  let extendedHours = 0;
  let gridSupply = 0;
  let gridMatched = 0;
  for (let h = 0; h < hours; h++) {
    const g = offset + h;
    if (g < 0) continue;
    let at = g;
    if (g >= index.hours) {
      at = index.hours - period + ((g - index.hours) % period);
      extendedHours++;
    } else forecastHours++;
    matched[h] = onGrid(at);
    if (g < index.hours) {
      gridMatched += matched[h];
      for (let i = 0; i < leaves.length; i++) {
        const leaf = leaves[i];
        gridSupply += index.supplyCum[leaf * stride + at + 1] - index.supplyCum[leaf * stride + at];
      }
    }
  }
  // Before the grid: actuals, scaled by the share higher classes leave (1 when the flight misses the grid).
  const share = gridSupply > 0 ? gridMatched / gridSupply : 1;
  let actualHours = 0;
  for (let h = 0; h < hours && offset + h < 0; h++) {
    matched[h] = actual[h] * share;
    actualHours++;
  }
  return { matched, forecastHours, actualHours, extendedHours };
}
