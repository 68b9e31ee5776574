/** A device class with its own daily and weekly rhythm. */
export interface Device {
  name: string;
  /** Share of all opportunities (the shares sum to 1). */
  share: number;
  /** Relative traffic by local hour 0-23 (normalised to mean 1 where used). */
  hourly: readonly number[];
  /** Relative traffic by local weekday, Sunday first (normalised to mean 1 where used). */
  weekly: readonly number[];
  /** Share of podcast (vs music) listening at a typical hour; the content profile moves it by hour. */
  podcastShare: number;
}

/**
 * The demo devices. Phones follow the commute and the evening, desktops office hours (and sink at weekends),
 * smart speakers the morning routine, connected TVs and tablets the evening sofa.
 *
 * @example
 * DEVICES.find((d) => d.name === "desktop")?.weekly[0]; // Sunday, well below a weekday
 */
export const DEVICES: readonly Device[] = [
  {
    name: "mobile",
    share: 0.46,
    // 0h ... 23h
    hourly: [
      0.55, 0.35, 0.22, 0.16, 0.15, 0.22, 0.45, 0.85, 1.05, 0.95, 0.9, 0.95, 1.05, 1.0, 0.95, 0.98, 1.05, 1.2,
      1.35, 1.5, 1.65, 1.7, 1.5, 1.0,
    ],
    weekly: [1.04, 0.98, 0.98, 0.98, 0.99, 1.0, 1.05],
    podcastShare: 0.38,
  },
  {
    name: "desktop",
    share: 0.18,
    hourly: [
      0.25, 0.12, 0.08, 0.06, 0.06, 0.1, 0.25, 0.55, 1.15, 1.65, 1.8, 1.8, 1.6, 1.7, 1.75, 1.7, 1.5, 1.2,
      0.95, 0.9, 0.95, 0.9, 0.7, 0.45,
    ],
    weekly: [0.62, 1.1, 1.12, 1.12, 1.1, 1.0, 0.6],
    podcastShare: 0.32,
  },
  {
    name: "smart_speaker",
    share: 0.1,
    hourly: [
      0.3, 0.12, 0.06, 0.05, 0.08, 0.35, 1.6, 2.3, 2.0, 1.3, 1.0, 0.95, 1.0, 0.85, 0.8, 0.85, 1.0, 1.25, 1.45,
      1.5, 1.4, 1.2, 0.9, 0.55,
    ],
    weekly: [1.12, 0.96, 0.96, 0.96, 0.97, 1.0, 1.1],
    podcastShare: 0.25,
  },
  {
    name: "connected_tv",
    share: 0.16,
    hourly: [
      0.75, 0.4, 0.2, 0.12, 0.1, 0.1, 0.18, 0.3, 0.35, 0.4, 0.45, 0.5, 0.6, 0.6, 0.6, 0.65, 0.8, 1.1, 1.6,
      2.2, 2.7, 2.8, 2.4, 1.5,
    ],
    weekly: [1.15, 0.92, 0.92, 0.93, 0.96, 1.1, 1.2],
    podcastShare: 0.12,
  },
  {
    name: "tablet",
    share: 0.1,
    hourly: [
      0.5, 0.25, 0.12, 0.08, 0.08, 0.12, 0.3, 0.6, 0.7, 0.7, 0.75, 0.8, 0.85, 0.85, 0.85, 0.9, 1.0, 1.2, 1.5,
      1.85, 2.05, 1.95, 1.5, 0.9,
    ],
    weekly: [1.12, 0.96, 0.95, 0.95, 0.97, 1.0, 1.1],
    podcastShare: 0.3,
  },
];
