/** Segment's documented limits (https://segment.com/docs/connections/sources/catalog/libraries/server/http-api/#max-request-size). */
export const MAX_EVENT_BYTES = 32 * 1024;
export const MAX_BATCH_BYTES = 500 * 1024;
export const MAX_BATCH_EVENTS = 2500;

/** When an event may have happened: what Postgres stores and ISO-8601 writes with four-digit years. */
export const EARLIEST_EVENT_TIME = Date.UTC(1900, 0, 1);
export const LATEST_EVENT_TIME = Date.UTC(9999, 11, 31, 23, 59, 59, 999);
export const TIME_RANGE = "between the years 1900 and 9999";

/** The largest revenue one event may carry (profiles and daily rollups add them up in numeric(14, 2)). */
export const MAX_EVENT_REVENUE = 1_000_000_000;
