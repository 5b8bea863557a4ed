// The standalone decision server: `npm run decide-server` (npm start also starts one on DECIDE_PORT).
import type { AddressInfo } from "node:net";
import { configOrExit } from "@/lib/config/config";

// First, before the server's modules load (some read the configuration as they load): a bad variable ends the
// process here, named, with exit code 2. Hence the imports below are dynamic.
const env = configOrExit("decide-server");
if (!env.DATABASE_URL) {
  console.error("[decide-server] DATABASE_URL is required: the decision server reads the same Postgres as the app");
  process.exit(2);
}
if (env.DECIDE_PORT === "off") {
  console.error('[decide-server] DECIDE_PORT is "off" (npm start then runs no decision server): give it a port');
  process.exit(2);
}
const decidePort = env.DECIDE_PORT;
const { flushOnSignals } = await import("@/lib/jobs/shutdown");
const { createDecisionServer } = await import("./decision-server");
const { stopProbe, warmUp } = await import("./readiness");

const server = createDecisionServer();
server.keepAliveTimeout = 65_000; // longer than common load balancers' idle timeout
server.on("error", (error: NodeJS.ErrnoException) => {
  const taken = error.code === "EADDRINUSE" || error.code === "EACCES";
  console.error(
    taken
      ? `[decide-server] cannot listen on port ${decidePort} (${error.code}): set DECIDE_PORT to a free port, or DECIDE_PORT=off for npm start`
      : `[decide-server] ${error.message}`,
  );
  process.exit(1);
});
server.listen(decidePort, env.DECIDE_HOST, () => {
  const { port } = server.address() as AddressInfo;
  console.log(`[decide-server] listening on http://localhost:${port}`);
});
void warmUp().then(() => console.log("[decide-server] ready: snapshots loaded"));

// SIGTERM/SIGINT: stop accepting, write what is buffered (events, exposures, membership refreshes), exit
flushOnSignals({
  label: "decide-server",
  ms: env.DECIDE_SHUTDOWN_MS,
  beforeFlush: () => {
    server.close();
    server.closeIdleConnections();
    stopProbe();
  },
});
