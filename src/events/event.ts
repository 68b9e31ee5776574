/** The kinds of delivery event. An opportunity is an ad slot that could be sold (supply). */
export const EVENT_TYPES = ["opportunity", "impression", "click"] as const;

/** One of the event types. */
export type EventType = (typeof EVENT_TYPES)[number];

/** A validated delivery event, times in epoch milliseconds (UTC). */
export interface DeliveryEvent {
  eventId: string;
  eventType: EventType;
  eventTime: number;
  /** Null when the row had none: the ingest run's clock is used. */
  ingestionTime: number | null;
  campaignId: string | null;
  /** Dimension values in the configured order, case-normalised. */
  dimensions: string[];
  count: number;
  costMicros: number;
}
