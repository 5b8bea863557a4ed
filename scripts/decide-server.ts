// npm run decide-server: bundles the decision server when its sources changed, then runs it with plain node.
import { spawn } from "node:child_process";
import { decisionServerArgs } from "./lib/decision-server-build";

const args = await decisionServerArgs((line) => console.log(`[decide-server] ${line}`));
const child = spawn(process.execPath, args, { stdio: "inherit" });
// the server flushes what it buffers on these before it exits: pass them on and wait for it
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => child.kill(signal));
child.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
