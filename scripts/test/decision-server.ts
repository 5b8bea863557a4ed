import { spawn, type ChildProcess } from "node:child_process";
import { createInterface } from "node:readline";
import { decisionServerArgs } from "../lib/decision-server-build";

export type RunningDecisionServer = {
  url: string;
  child: ChildProcess;
  /** Every line the server printed (stdout and stderr). */
  output: string[];
  /** Sends a signal and waits for the exit code. */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
};

/**
 * Starts the bundled `server/decide.ts` as its own process (exactly as `npm run
 * decide-server` does) on a free port against `databaseUrl`, and waits until
 * it answers /readyz with 200.
 */
export async function startDecisionServer(
  databaseUrl: string,
  env: Record<string, string> = {},
): Promise<RunningDecisionServer> {
  const child = spawn(process.execPath, await decisionServerArgs(), {
    env: { ...process.env, DATABASE_URL: databaseUrl, DECIDE_PORT: "0", DECIDE_HOST: "127.0.0.1", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const output: string[] = [];
  createInterface({ input: child.stderr! }).on("line", (line) => output.push(line));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`the decision server did not start:\n${output.join("\n")}`)),
      30_000,
    );
    child.once("exit", (code) => reject(new Error(`the decision server exited (${code}):\n${output.join("\n")}`)));
    createInterface({ input: child.stdout! }).on("line", (line) => {
      output.push(line);
      const found = /listening on (http:\/\/\S+)/.exec(line);
      if (found) {
        clearTimeout(timer);
        resolve(found[1]!);
      }
    });
  });
  for (const started = Date.now(); ;) {
    const ready = await fetch(`${url}/readyz`).then(
      (r) => r.status === 200,
      () => false,
    );
    if (ready) break;
    if (Date.now() - started > 30_000) throw new Error(`the decision server never became ready:\n${output.join("\n")}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  return {
    url,
    child,
    output,
    async stop(signal = "SIGTERM") {
      if (child.exitCode === null) child.kill(signal);
      return exited;
    },
  };
}
