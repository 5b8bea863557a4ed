import { z } from "zod";
import { autoOnOff, minutesOrOff, onOff, optionalText, port, portOrOff, text, wholeNumber } from "./rules";

/**
 * Every environment variable the product reads at run time (the app, the
 * decision server, `npm start`, `npm run db:seed`), with its default, its
 * bounds and what it means; README.md's "Configuration" table lists the same
 * variables (lib/config/readme.test.ts holds them equal).
 *
 * Not here, read where they are used: variables of the tests and tools only
 * (FUZZ_SEED, PARITY_SEED, CI, E2E_*, SCREENSHOT_*, BASE_URL,
 * SHOW_SERVER_OUTPUT, CHROMIUM_PATH, HOME, START_DATABASE_URL_FILE, which the
 * browser tests and benchmarks give `npm start`), and those of Next.js and
 * Node (NEXT_RUNTIME, NEXT_MANUAL_SIG_HANDLE, NODE_ENV; AUTH_TRUST_HOST and
 * NEXT_TELEMETRY_DISABLED, which `npm start` sets for Auth.js and Next.js).
 */
export const envSchema = z.object({
  DATABASE_URL: optionalText("a postgresql:// (or postgres://) URL", (t) => /^postgres(ql)?:\/\//.test(t)).describe(
    "PostgreSQL to use (`postgresql://user:pass@host:5432/db`); tests create fresh databases on its server, so the role needs `CREATEDB`",
  ),
  PORT: port(3000, 1).describe("HTTP port of the app"),
  DECIDE_PORT: portOrOff(3001, 0).describe(
    "port of the decision server that `npm start` runs beside the app (`off`: none); for `npm run decide-server`, its port (`0`: any free one)",
  ),
  DECIDE_HOST: text("0.0.0.0", "a host name or address (no spaces, at most 255 characters)", (t) =>
    /^\S{1,255}$/.test(t),
  ).describe("interface the decision server listens on"),
  DECIDE_SHUTDOWN_MS: wholeNumber(15_000, 0, 600_000).describe(
    "on SIGTERM, how long the decision server keeps trying to write the events and exposures it holds before it exits",
  ),
  EVENT_BUFFER_MAX: wholeNumber(50_000, 1, 10_000_000).describe(
    "events a decision server holds in memory while the database is slow or down; past it, event calls answer 503 (retry)",
  ),
  EVENT_BUFFER_MAX_BYTES: wholeNumber(67_108_864, 1_048_576, 17_179_869_184).describe(
    "bytes of waiting events a decision server holds at most (measured as the length of their JSON; in memory they take up to about twice that); past it, event calls answer 503 (retry)",
  ),
  VISITOR_CACHE_SIZE: wholeNumber(5_000, 1, 10_000_000).describe(
    "visitors a server process keeps after reading them (their own events, taken by the same process, drop them at once)",
  ),
  VISITOR_CACHE_TTL_MS: wholeNumber(10_000, 0, 3_600_000).describe(
    "how long a kept visitor serves before it is read again (events stored by other processes show up within that)",
  ),
  EXPOSURE_FLUSH_MS: wholeNumber(1_000, 1, 600_000).describe(
    "how long a server process gathers served decisions before writing them (the same visitor served the same decision meanwhile is one row with an `impressions` count; also written as soon as 5,000 rows wait)",
  ),
  EXPOSURE_BUFFER_MAX_BYTES: wholeNumber(67_108_864, 1_048_576, 17_179_869_184).describe(
    "bytes of served decisions a server process holds at most while the database is slow or down (estimated: a row of one placement is about 660 bytes, so about 100,000 rows); past it, or past 100,000 rows, new ones are dropped and counted",
  ),
  CONFIG_RECHECK_MS: wholeNumber(15_000, 100, 86_400_000).describe(
    "how often each process re-reads the configuration versions, in case a `NOTIFY` was missed",
  ),
  DATABASE_POOL_SIZE: wholeNumber(10, 1, 1_000).describe(
    "connections per server process (Prisma's pool and the ingest pool each)",
  ),
  RFM_INTERVAL_MINUTES: minutesOrOff(60, 10_080).describe(
    "how often every workspace's RFM scores are recomputed (`0` or `off` turns the schedule off; editors can also recompute on demand)",
  ),
  SEGMENTS_INTERVAL_MINUTES: minutesOrOff(15, 10_080).describe(
    "how often every dynamic segment is recomputed in full, so that time windows slide (`0` or `off` turns it off); a profile's memberships are also refreshed within a second of its events arriving",
  ),
  BANDIT_INTERVAL_MINUTES: minutesOrOff(60, 10_080).describe(
    "how often the traffic weights of experiments run as bandits are recomputed (Thompson sampling on the primary goal; `0` or `off` turns it off)",
  ),
  ROLLUPS_INTERVAL_MINUTES: minutesOrOff(1, 10_080).describe(
    "how often the dashboards' rollups take in the events and merges committed since (the dashboards read the raw events until a workspace's rollup is built, and again while it is rebuilt after a time-zone change; `0` or `off` turns it off, then `npm run rollups:rebuild` brings them up to date)",
  ),
  DEMO_MODE: autoOnOff("auto").describe(
    "the demo: its seeded workspace, its accounts with published passwords and its keyless storefront (`auto`: on, except in production (`NODE_ENV=production`) against your own `DATABASE_URL`, where `npm start` seeds nothing and the published demo passwords are refused)",
  ),
  DEMO_STORE: onOff("on").describe(
    "the demo storefront at `/demo-store` (`off` turns it off: it writes events to the demo workspace without a key)",
  ),
  DEMO_STORE_PORT: port(3002, 1).describe(
    "port of the demo storefront's own origin, which `npm start` serves apart from the dashboard (marketer content never runs where an admin's session does); the dashboard's `/demo-store` links lead there",
  ),
  TRUSTED_PROXY_HOPS: wholeNumber(0, 0, 10).describe(
    "how many proxies in front of the app add the client's address to `X-Forwarded-For`; the per-address sign-in limit counts the address that many entries before the connection's own peer (`0`: the peer itself, and no `X-Forwarded-For` a client sends is believed)",
  ),
  AUTH_SECRET: optionalText(
    "at least 16 characters (`openssl rand -base64 32` makes one)",
    (t) => t.length >= 16,
  ).describe("secret that signs session cookies; set it in production"),
  DEMO_PROFILES: wholeNumber(5_000, 1, 2_000_000).describe("profiles in the demo workspace (≈30 events each)"),
  DEMO_DAYS: wholeNumber(90, 1, 730).describe("days of demo history"),
  DEMO_SEED: wholeNumber(42, 0, 4_294_967_295).describe("seed of the deterministic demo generator"),
  DEMO_WRITE_KEY: optionalText('a write key ("wk_…", 16 to 200 characters)', (t) => apiKey("wk_", t)).describe(
    "fixed value of the demo workspace's write (ingest) key, for scripts and benchmarks",
  ),
  DEMO_CLIENT_KEY: optionalText('a client key ("ck_…", 16 to 200 characters)', (t) => apiKey("ck_", t)).describe(
    "fixed value of the demo workspace's client (decide) key, for scripts and benchmarks",
  ),
});

function apiKey(marker: string, t: string): boolean {
  return t.startsWith(marker) && t.length >= 16 && t.length <= 200;
}

export type Config = z.output<typeof envSchema>;
export type ConfigVariable = keyof Config;
export const CONFIG_VARIABLES = Object.keys(envSchema.shape) as ConfigVariable[];

/** Values an error message does not repeat (DATABASE_URL is shown without its password). */
export const SECRET_VARIABLES: ReadonlySet<ConfigVariable> = new Set([
  "AUTH_SECRET",
  "DEMO_WRITE_KEY",
  "DEMO_CLIENT_KEY",
]);
