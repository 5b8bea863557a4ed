// npm start: embedded Postgres (unless DATABASE_URL), migrations, demo data on
// first start, a production build when sources changed, then the app.
import { spawn, type ChildProcess } from "node:child_process";
import { writeFileSync } from "node:fs";
import { migrateDatabase } from "@/lib/db/migrate";
import { demoModeOn } from "@/lib/demo-store/demo-mode";
import { seedDemo } from "@/prisma/seed/demo";
import { createProgressBar } from "@/prisma/seed/progress";
import { startStoreOrigin, type StoreOrigin } from "@/server/store-origin";
import { buildSdk } from "./build-sdk";
import { authSecret } from "./lib/auth-secret";
import { printBanner } from "./lib/banner";
import { buildIsStale, recordBuild, sourceFingerprint } from "./lib/build-fingerprint";
import { provideDatabase } from "./lib/database";
import { decisionServerArgs } from "./lib/decision-server-build";
import { run, waitForHttp } from "./lib/run";
import { startOptions } from "./lib/start-options";

// first: a bad variable or flag stops here with its message (every invalid variable named), before anything starts
const options = (() => {
  try {
    return startOptions();
  } catch (error) {
    console.error(`[start] ${error instanceof Error ? error.message : String(error)}`);
    process.exit(2);
  }
})();
const nextBin = "node_modules/next/dist/bin/next";
const say = (line: string) => console.log(`[start] ${line}`);

say(options.DATABASE_URL ? "using DATABASE_URL" : `starting embedded PostgreSQL in ${options.dataDir}`);
const database = await provideDatabase({ dataDir: options.dataDir, database: "personalize", fresh: options.fresh });
let app: ChildProcess | undefined;
let decisions: ChildProcess | undefined;
let storeOrigin: StoreOrigin | undefined;
let stopping = false;

async function shutdown(code: number): Promise<never> {
  if (!stopping) {
    stopping = true;
    // both flush what they buffer on SIGTERM before they exit
    await Promise.all(
      [app, decisions].map((child) =>
        child && child.exitCode === null ? new Promise((r) => (child.once("exit", r), child.kill("SIGTERM"))) : null,
      ),
    );
    await storeOrigin?.close();
    await database.stop().catch(() => undefined);
  }
  process.exit(code);
}
process.on("SIGINT", () => void shutdown(0));
process.on("SIGTERM", () => void shutdown(0));

try {
  if (process.env.START_DATABASE_URL_FILE) writeFileSync(process.env.START_DATABASE_URL_FILE, database.url);
  say("applying migrations");
  await migrateDatabase(database.url);
  // a production start against your own database runs no demo unless asked (DEMO_MODE=on)
  const demoMode = demoModeOn(options.DEMO_MODE, {
    production: process.env.NODE_ENV === "production",
    ownDatabase: !!options.DATABASE_URL,
  });
  let demo = null;
  if (demoMode) {
    say("checking demo data");
    const progress = createProgressBar();
    demo = await seedDemo({
      databaseUrl: database.url,
      profiles: options.DEMO_PROFILES,
      days: options.DEMO_DAYS,
      seed: options.DEMO_SEED,
      writeKey: options.DEMO_WRITE_KEY,
      clientKey: options.DEMO_CLIENT_KEY,
      onProgress: (done, total, label) => progress.update(done, total, label),
    });
    progress.finish();
    say(demo.created ? "demo workspace seeded" : "demo workspace already present");
  } else {
    say("demo mode off: no demo data, and the published demo passwords are refused (DEMO_MODE=on to have the demo)");
  }

  // NEXT_MANUAL_SIG_HANDLE: the app (instrumentation.ts) flushes its buffers on SIGTERM before it exits
  const env = {
    ...process.env,
    DATABASE_URL: database.url,
    AUTH_SECRET: authSecret(),
    AUTH_TRUST_HOST: "true",
    NEXT_TELEMETRY_DISABLED: "1",
    NEXT_MANUAL_SIG_HANDLE: "true",
    PORT: String(options.PORT),
    // what this start resolved, for the app and the decision server (whose own NODE_ENV and DATABASE_URL differ)
    DEMO_MODE: demoMode ? "on" : "off",
  };
  // public/sdk.js is built, not committed: bundled from lib/sdk/browser/ (also in dev, which serves it as is),
  // before the fingerprint below is taken, so an SDK change is part of it
  if ((await buildSdk()).changed) say("bundled the browser SDK into public/sdk.js");
  // the decision server: plain JavaScript bundled from server/decide.ts (in dev, the sources as they are)
  let decideCommand = ["--import", "tsx", "server/decide.ts"];
  if (!options.dev) {
    const fingerprint = sourceFingerprint();
    if (buildIsStale(fingerprint)) {
      say("building the app (sources changed since the last build)");
      await run(process.execPath, [nextBin, "build"], { env: { ...env, NODE_ENV: "production" } });
      recordBuild(fingerprint);
    }
    if (options.DECIDE_PORT !== "off") decideCommand = await decisionServerArgs(say);
  }
  app = spawn(process.execPath, [nextBin, options.dev ? "dev" : "start", "-p", String(options.PORT)], {
    env,
    stdio: "inherit",
  });
  app.on("exit", (code) => void (stopping || shutdown(code ?? 1)));
  if (options.DECIDE_PORT !== "off") {
    decisions = spawn(process.execPath, decideCommand, {
      env: { ...env, DECIDE_PORT: String(options.DECIDE_PORT) },
      stdio: "inherit",
    });
    decisions.on("exit", (code) => void (stopping || shutdown(code ?? 1)));
  }
  // the demo storefront on its own origin (lib/demo-store/store-origin.ts): marketer content never runs where the
  // dashboard's session does; the app sends /demo-store there
  if (demoMode && options.DEMO_STORE === "on")
    storeOrigin = await startStoreOrigin({
      port: options.DEMO_STORE_PORT,
      upstream: { host: "127.0.0.1", port: options.PORT },
    });
  const url = `http://localhost:${options.PORT}`;
  await waitForHttp(`${url}/api/health`, 120_000);
  const decisionUrl = options.DECIDE_PORT === "off" ? null : `http://localhost:${options.DECIDE_PORT}`;
  if (decisionUrl) await waitForHttp(`${decisionUrl}/readyz`, 60_000);
  const storeUrl = storeOrigin ? `http://localhost:${storeOrigin.port}/demo-store` : null;
  printBanner(url, database, demo, { decisionUrl, storeUrl });
} catch (error) {
  console.error(`[start] ${error instanceof Error ? error.message : String(error)}`);
  await shutdown(1);
}
