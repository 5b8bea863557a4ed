import { defineConfig, devices } from "@playwright/test";
import { e2ePortsProblem } from "./scripts/test/free-ports";

const port = Number(process.env.E2E_PORT ?? 3100);
export const baseURL = `http://localhost:${port}`;
/** The decision server that the start command runs beside the app. */
export const DECIDE_URL = `http://localhost:${port + 1}`;
/** The demo storefront's own origin, where the app sends every /demo-store page. */
export const STORE_URL = `http://localhost:${port + 2}`;

// A taken port fails the run at once, with what to do, before the webServer
// below is started (a globalSetup would run only after it: Playwright starts
// web servers first). Checked on the runner's first load of this file only:
// the workers and the specs that import it later (with our server up) inherit
// the flag; listing tests starts no server, so needs no free port.
if (!process.env.E2E_PORTS_CHECKED && !process.argv.includes("--list")) {
  process.env.E2E_PORTS_CHECKED = "1";
  const problem = await e2ePortsProblem(port);
  if (problem) throw new Error(problem);
}

/** Fixed demo keys, so tests can call the API with them. */
export const E2E_KEYS = {
  write: "wk_e2eWriteKey0000000000000000000000",
  client: "ck_e2eClientKey000000000000000000000",
};
/** Where the e2e server writes its database URL, so tests can check what landed. */
export const E2E_DATABASE_URL_FILE = ".data/e2e-database-url";

/**
 * Browser tests in Debian's Chromium (never a downloaded browser) against the
 * production build, started by the same command as `npm start`, on a fresh
 * embedded database (or the DATABASE_URL that `npm test` prepared).
 */
export default defineConfig({
  testDir: "e2e",
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  reporter: [["list"], ["json"]],
  use: {
    baseURL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-quic",
      ],
    },
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"], channel: undefined } }],
  webServer: {
    command: `node_modules/.bin/tsx scripts/start.ts ${process.env.DATABASE_URL ? "" : "--data-dir .data/e2e-postgres --fresh"}`,
    url: `${baseURL}/api/health`,
    timeout: 300_000,
    reuseExistingServer: false,
    stdout: "pipe",
    stderr: "pipe",
    env: {
      PORT: String(port),
      DECIDE_PORT: String(port + 1),
      DEMO_STORE_PORT: String(port + 2),
      DEMO_PROFILES: "300",
      DEMO_DAYS: "30",
      DEMO_WRITE_KEY: E2E_KEYS.write,
      DEMO_CLIENT_KEY: E2E_KEYS.client,
      START_DATABASE_URL_FILE: E2E_DATABASE_URL_FILE,
      // the dashboards' rollups take in new events every 3 s here (a minute by default), so that the specs see them soon
      ROLLUPS_INTERVAL_MINUTES: "0.05",
    },
  },
});
