import { spawnSync } from "node:child_process";
import { afterEach, describe, expect, it, vi } from "vitest";
import { decisionServerArgs } from "@/scripts/lib/decision-server-build";

const BAD = 'VISITOR_CACHE_SIZE must be a whole number from 1 to 10000000, got "abc"';
/** Runs `node args` with a bad VISITOR_CACHE_SIZE (and a database URL, so that is not what it misses). */
function runWithBadValue(args: string[]) {
  const env = { ...process.env, VISITOR_CACHE_SIZE: "abc", DATABASE_URL: "postgresql://nobody@127.0.0.1:1/none" };
  return spawnSync(process.execPath, args, { env, encoding: "utf8", timeout: 30_000 });
}

describe("an entry point with an invalid environment variable", () => {
  it("npm run decide-server: the bundled decision server refuses to start, naming it", async () => {
    const result = runWithBadValue(await decisionServerArgs());
    expect(result.stderr).toContain(`[decide-server] ${BAD}`);
    expect(result.stderr).not.toMatch(/\n\s+at /); // the message, not a stack trace
    expect(result.status).toBe(2);
  }, 60_000);

  it("npm start refuses before it starts anything, naming it", () => {
    const result = runWithBadValue(["--import", "tsx", "scripts/start.ts"]);
    expect(result.stderr).toContain(`[start] ${BAD}`);
    expect(result.stdout).not.toContain("embedded PostgreSQL");
    expect(result.status).toBe(2);
  }, 30_000);

  describe("the app (instrumentation.ts)", () => {
    const saved = { NEXT_RUNTIME: process.env.NEXT_RUNTIME, VISITOR_CACHE_SIZE: process.env.VISITOR_CACHE_SIZE };
    afterEach(() => {
      vi.restoreAllMocks();
      for (const [name, value] of Object.entries(saved)) {
        if (value === undefined) delete process.env[name];
        else process.env[name] = value;
      }
    });

    it("register() ends the process, naming it, before it registers anything", async () => {
      process.env.NEXT_RUNTIME = "nodejs";
      process.env.VISITOR_CACHE_SIZE = "abc";
      const errors: string[] = [];
      vi.spyOn(console, "error").mockImplementation((line: string) => void errors.push(line));
      const exit = vi.spyOn(process, "exit").mockImplementation((code) => {
        throw new Error(`exit ${code}`);
      });
      const { register } = await import("@/instrumentation");
      await expect(register()).rejects.toThrow("exit 2");
      expect(exit).toHaveBeenCalledWith(2);
      expect(errors).toEqual([`[app] ${BAD}`]);
    });
  });
});
