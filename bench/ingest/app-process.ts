// The app under test: `scripts/start.ts` as a child process (embedded
// Postgres in its own data directory, migrations, demo seed, build, serve).
import { spawn, type ChildProcess } from "node:child_process";
import { createWriteStream, existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";

export type AppOptions = {
  port: number;
  dataDir: string;
  urlFile: string;
  logFile: string;
  writeKey: string;
  clientKey?: string;
  demoProfiles: number;
  decidePort?: number;
};
export type RunningApp = { baseUrl: string; databaseUrl: string; pid: number; stop(): Promise<void> };

const answers = (url: string) =>
  fetch(url).then(
    (r) => r.ok,
    () => false,
  );

/** Last lines of the app's log, for error reports. */
export function logTail(logFile: string, lines = 40): string {
  return existsSync(logFile) ? readFileSync(logFile, "utf8").split("\n").slice(-lines).join("\n") : "(no log)";
}

/**
 * Starts the app on a fresh database and resolves once `/api/health` answers.
 * Its output goes to `logFile`; its `[start]` lines are echoed as progress.
 */
export async function startApp(options: AppOptions, say: (line: string) => void): Promise<RunningApp> {
  const baseUrl = `http://localhost:${options.port}`;
  if (await answers(`${baseUrl}/api/health`))
    throw new Error(`something already answers on ${baseUrl}; stop it or pass --port`);
  mkdirSync(path.dirname(options.urlFile), { recursive: true });
  rmSync(options.urlFile, { force: true });
  const log = createWriteStream(options.logFile);
  const { DATABASE_URL: _unset, ...env } = process.env; // unset: start.ts then runs its own embedded Postgres
  const child: ChildProcess = spawn(
    "node_modules/.bin/tsx",
    ["scripts/start.ts", "--data-dir", options.dataDir, "--fresh"],
    {
      env: {
        ...env,
        PORT: String(options.port),
        DECIDE_PORT: options.decidePort ? String(options.decidePort) : "off",
        DEMO_PROFILES: String(options.demoProfiles),
        DEMO_WRITE_KEY: options.writeKey,
        ...(options.clientKey ? { DEMO_CLIENT_KEY: options.clientKey } : {}),
        START_DATABASE_URL_FILE: options.urlFile,
      },
      stdio: ["ignore", "pipe", "pipe"],
      detached: true, // its own process group, so a stuck tree can be ended as one
    },
  );
  let exited: number | string | null = null;
  const exit = new Promise<void>((resolve) =>
    child.once("exit", (code, signal) => ((exited = code ?? signal), resolve())),
  );
  for (const stream of [child.stdout!, child.stderr!]) {
    stream.on("data", (chunk: Buffer) => {
      log.write(chunk);
      for (const line of chunk.toString().split("\n")) if (line.startsWith("[start]")) say(line);
    });
  }

  const stop = async () => {
    if (exited === null) {
      child.kill("SIGTERM");
      const timeout = new Promise<"timeout">((r) => setTimeout(() => r("timeout"), 60_000).unref());
      if ((await Promise.race([exit, timeout])) === "timeout") process.kill(-child.pid!, "SIGKILL");
    }
    log.end();
  };

  const deadline = Date.now() + 20 * 60_000; // a fresh build can take minutes on 2 cores
  try {
    while (!(await answers(`${baseUrl}/api/health`))) {
      if (exited !== null)
        throw new Error(
          `the app exited (${exited}) before answering; last lines of ${options.logFile}:\n${logTail(options.logFile)}`,
        );
      if (Date.now() > deadline) throw new Error(`the app did not answer within 20 minutes; see ${options.logFile}`);
      await new Promise((r) => setTimeout(r, 500));
    }
    if (!existsSync(options.urlFile)) throw new Error(`the app did not write ${options.urlFile}`);
    return { baseUrl, databaseUrl: readFileSync(options.urlFile, "utf8").trim(), pid: child.pid!, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
