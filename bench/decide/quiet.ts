// Waits until this machine is quiet (a freshly started app recomputes segments
// and RFM, Postgres vacuums what the seed wrote), so that what is measured is
// the servers, not background work.
import { readdirSync, readFileSync } from "node:fs";

function cpuTimes(): { idle: number; total: number } {
  const fields = readFileSync("/proc/stat", "utf8").split("\n")[0]!.trim().split(/\s+/).slice(1).map(Number);
  return { idle: fields[3]! + (fields[4] ?? 0), total: fields.reduce((a, b) => a + b, 0) };
}

/** Resolves once the CPUs were at least `idleShare` idle over a 2 s sample, or after `maxMs`; returns the last idle share. */
export async function waitForQuiet(idleShare = 0.9, maxMs = 90_000): Promise<number> {
  const deadline = Date.now() + maxMs;
  for (;;) {
    const a = cpuTimes();
    await new Promise((r) => setTimeout(r, 2_000));
    const b = cpuTimes();
    const idle = (b.idle - a.idle) / Math.max(1, b.total - a.total);
    if (idle >= idleShare || Date.now() > deadline) return idle;
  }
}

/** CPU seconds (user + system) a process has used so far, from /proc (clock ticks of 1/100 s). */
export function cpuSecondsOf(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

/** The pid of the first process whose command line contains `needle` (not this one). */
export function pidOf(needle: string): number | null {
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry) || Number(entry) === process.pid) continue;
    try {
      if (readFileSync(`/proc/${entry}/cmdline`, "utf8").replaceAll("\0", " ").includes(needle)) return Number(entry);
    } catch {
      // gone meanwhile
    }
  }
  return null;
}
