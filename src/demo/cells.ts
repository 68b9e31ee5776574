import { CONTENTS } from "./content.js";
import { DEVICES } from "./devices.js";
import { MARKETS } from "./markets.js";

/** One traffic cell: a market x device x content combination. */
export interface Cell {
  market: number;
  device: number;
  content: number;
  geo: string;
  deviceName: string;
  contentName: string;
}

/**
 * Index of a cell: market-major, then device, then content. The generator packs it into 7 bits, so the
 * product of the three list lengths must stay below 128.
 *
 * @example
 * cellIndex(0, 1, 1); // US, desktop, podcast -> 3
 */
export function cellIndex(market: number, device: number, content: number): number {
  return (market * DEVICES.length + device) * CONTENTS.length + content;
}

/**
 * Every cell in index order.
 *
 * @example
 * CELLS.length; // 100 = 10 markets x 5 devices x 2 contents
 */
export const CELLS: readonly Cell[] = MARKETS.flatMap((market, m) =>
  DEVICES.flatMap((device, d) =>
    CONTENTS.map((content, c) => ({
      market: m,
      device: d,
      content: c,
      geo: market.geo,
      deviceName: device.name,
      contentName: content,
    })),
  ),
);

if (CELLS.length >= 128) throw new Error("too many traffic cells to pack into 7 bits");
