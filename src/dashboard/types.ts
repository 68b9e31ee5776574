// The API's answers as the dashboard reads them (docs/serve.md; the server's zod schemas are the reference).

export type Granularity = "hour" | "day" | "week";

export interface LevelsAnswer {
  run_id: string;
  time_zone: string;
  first_hour: string;
  hours: number;
  start: string;
  end: string;
  levels: { name: string; dimensions: string[]; keys: string[] }[];
  dimensions: { name: string; values: string[] }[];
}

export interface ForecastInterval {
  start: string;
  end: string;
  mean: number;
  p025: number;
  p10: number;
  p50: number;
  p90: number;
  p975: number;
  actual: number | null;
  complete: boolean;
}

export interface ForecastAnswer {
  run_id: string;
  level: string;
  key: string;
  granularity: Granularity;
  intervals: ForecastInterval[];
}

export interface Distribution {
  mean: number;
  p10: number;
  p50: number;
  p90: number;
}

export const FIGURES = ["matched", "booked", "available", "possible"] as const;
export type Figure = (typeof FIGURES)[number];
export type Figures = Record<Figure, Distribution>;

export interface AvailsReport {
  start: string;
  end: string;
  granularity: Granularity;
  targeting: Record<string, string[]>;
  priority: string;
  intervals: ({ start: string; end: string } & Figures)[];
  total: Figures;
  contending: { campaign_id: string; priority: string; impressions: number }[];
  run_id: string;
}

export interface Campaign {
  id: string;
  name: string;
  advertiser?: string | null;
  targeting: Record<string, string[]>;
  start: string;
  end: string;
  priority: string;
  pacing?: string;
  goal_impressions: number;
}

export interface CampaignPacing {
  at: string;
  run_id: string;
  campaign_id: string;
  goal: number;
  state: string;
  delivered_to_date: number;
  planned_to_date: number;
  pacing_index: number | null;
  projected: { mean: number; p10: number; p90: number };
  under_delivery_probability: number;
  plan: { feasible: boolean; shortfall: number };
  throttle: number | null;
  next_hour: string | null;
  flight: { start: string; end: string; time_zone: string; hours: number; elapsed_hours: number };
}

export interface AccuracyFigures {
  level: string;
  horizon: string;
  points: number;
  actual: number;
  wape: number | null;
  mape: number | null;
  mase: number | null;
  bias: number | null;
  coverage80: number | null;
  coverage95: number | null;
}

export interface Alarm {
  kind: "bias" | "coverage";
  level: string;
  key: string | null;
  value: number;
  hours: number;
  message: string;
}

/** A level and horizon over the whole window: its coverages' standard errors over the days too. */
export interface AccuracyCell extends AccuracyFigures {
  coverage80StandardError: number | null;
  coverage95StandardError: number | null;
}

export interface AccuracyAnswer {
  window: { from: string; closedBefore: string; days: number };
  cells: AccuracyCell[];
  days: (AccuracyFigures & { day: string })[];
  rollingMape: { level: string; mape: number | null; series: number }[];
  alarms: Alarm[];
}

export interface Ready {
  ready: boolean;
  live: string | null;
  published: string | null;
  error: string | null;
  watermark: string | null;
  /** The server's freshness alerts (`serve.maxRunAgeHours`, `serve.maxWatermarkLagHours`). */
  alerts: { kind: "stale_run" | "late_data"; message: string }[];
}
