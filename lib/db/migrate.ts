import { spawn } from "node:child_process";
import path from "node:path";

/**
 * Runs the Prisma CLI (with the timer fix preloaded, see
 * scripts/prisma/unref-timers.mjs) against `databaseUrl`, from the repository root.
 */
export function runPrismaCli(args: string[], databaseUrl: string, options: { quiet?: boolean } = {}): Promise<void> {
  const root = process.cwd();
  const cli = path.join(root, "node_modules", "prisma", "build", "index.js");
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "./scripts/prisma/unref-timers.mjs", cli, ...args], {
      cwd: root,
      env: { ...process.env, DATABASE_URL: databaseUrl, PRISMA_HIDE_UPDATE_MESSAGE: "1" },
      stdio: options.quiet ? ["ignore", "pipe", "pipe"] : "inherit",
    });
    let output = "";
    child.stdout?.on("data", (chunk) => (output += chunk));
    child.stderr?.on("data", (chunk) => (output += chunk));
    child.on("error", reject);
    child.on("exit", (code) =>
      code === 0 ? resolve() : reject(new Error(`prisma ${args.join(" ")} failed (exit ${code})\n${output}`)),
    );
  });
}

/** Applies every pending migration (prisma migrate deploy). */
export function migrateDatabase(databaseUrl: string): Promise<void> {
  return runPrismaCli(["migrate", "deploy"], databaseUrl, { quiet: true });
}
