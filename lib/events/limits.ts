/** Segment's documented limits (https://segment.com/docs/connections/sources/catalog/libraries/server/http-api/#max-request-size). */
export const MAX_EVENT_BYTES = 32 * 1024;
export const MAX_BATCH_BYTES = 500 * 1024;
export const MAX_BATCH_EVENTS = 2500;
