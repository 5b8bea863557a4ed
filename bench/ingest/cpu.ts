// Where the machine's CPU went during a phase, from /proc: the app's Node
// processes, its Postgres, this benchmark, and everything else on the box.
import { createHash } from "node:crypto";
import { readFileSync, readdirSync } from "node:fs";

type Proc = { pid: number; ppid: number; comm: string; ticks: number };
export type CpuSnapshot = { procs: Map<number, Proc>; total: number; idle: number; stolen: number };
export type CpuShares = {
  app: number;
  postgres: number;
  bench: number;
  other: number;
  idle: number;
  /** Time the hypervisor gave to other machines (the `steal` of /proc/stat). */ stolen: number;
  wall: number;
  /** The busiest other processes, by name. */ topOther: [string, number][];
};

const TICKS_PER_SECOND = 100; // USER_HZ on Linux

function readProcs(): Map<number, Proc> {
  const procs = new Map<number, Proc>();
  for (const name of readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, "utf8");
      const close = stat.lastIndexOf(")");
      const fields = stat.slice(close + 2).split(" "); // from field 3 (state) on
      procs.set(Number(name), {
        pid: Number(name),
        ppid: Number(fields[1]),
        comm: stat.slice(stat.indexOf("(") + 1, close),
        ticks: Number(fields[11]) + Number(fields[12]),
      });
    } catch {
      // the process ended while we listed it
    }
  }
  return procs;
}

/** CPU counters of every process and of the whole machine, now. */
export function cpuSnapshot(): CpuSnapshot {
  const cpu = readFileSync("/proc/stat", "utf8").split("\n")[0]!.trim().split(/\s+/).slice(1).map(Number);
  return {
    procs: readProcs(),
    total: cpu.reduce((a, b) => a + b, 0),
    idle: (cpu[3] ?? 0) + (cpu[4] ?? 0),
    stolen: cpu[7] ?? 0,
  };
}

/**
 * CPU seconds used between two snapshots by: the app tree under `appPid`
 * (Node: start script and Next.js server), that tree's Postgres processes,
 * this process, and all other processes; plus idle CPU seconds (all cores).
 */
export function cpuShares(before: CpuSnapshot, after: CpuSnapshot, appPid: number): CpuShares {
  const inApp = (pid: number): boolean => {
    for (let p = after.procs.get(pid); p; p = after.procs.get(p.ppid)) if (p.pid === appPid) return true;
    return false;
  };
  const shares: CpuShares = {
    app: 0,
    postgres: 0,
    bench: 0,
    other: 0,
    idle: (after.idle - before.idle) / TICKS_PER_SECOND,
    stolen: (after.stolen - before.stolen) / TICKS_PER_SECOND,
    wall: 0,
    topOther: [],
  };
  const others = new Map<string, number>();
  for (const proc of after.procs.values()) {
    const used = (proc.ticks - (before.procs.get(proc.pid)?.ticks ?? 0)) / TICKS_PER_SECOND;
    if (proc.pid === process.pid) shares.bench += used;
    else if (inApp(proc.pid)) shares[proc.comm === "postgres" ? "postgres" : "app"] += used;
    else {
      shares.other += used;
      others.set(proc.comm, (others.get(proc.comm) ?? 0) + used);
    }
  }
  shares.topOther = [...others].sort((a, b) => b[1] - a[1]).slice(0, 3);
  shares.wall = (after.total - before.total) / TICKS_PER_SECOND;
  return shares;
}

/**
 * Milliseconds one core takes to hash 128 MB with SHA-256: a fixed amount of
 * work, so a slower figure shows that the (virtual) CPU itself was slower,
 * which no process listing reveals.
 */
export function cpuProbeMs(): number {
  const block = Buffer.alloc(1 << 20);
  const started = performance.now();
  for (let i = 0; i < 128; i++) createHash("sha256").update(block).digest();
  return performance.now() - started;
}
