export { type CalendarEvent, eventId } from "./calendar-event.js";
export { type CalendarEventsOptions, calendarEvents } from "./calendar-events.js";
export { easterSunday } from "./easter-sunday.js";
export {
  type EventRegressors,
  eventRegressors,
  type RegressorSpan,
  type RegressorWindows,
} from "./event-regressors.js";
export { type Holiday, type HolidayOptions, holidays, holidaysBetween } from "./holidays.js";
export { CALENDAR_MARKETS, type CalendarMarket, calendarMarket } from "./markets.js";
export { parseEventsCsv } from "./parse-events-csv.js";
export { readEventsFile } from "./read-events-file.js";
