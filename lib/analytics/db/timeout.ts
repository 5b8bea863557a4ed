/**
 * How long one dashboard statement may run before Postgres cancels it: a marketer waits for it, and a range of
 * 400 days on a large store must not hold a connection without end (bench:dashboard: 30 days of 3 million events
 * take up to 5 s while the reads come from the events).
 */
export const ANALYTICS_TIMEOUT_MS = 30_000;

/** The timeout in force (a function, so that a test can shorten it). */
export const analyticsTimeoutMs = () => ANALYTICS_TIMEOUT_MS;
