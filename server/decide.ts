// The standalone decision server: `npm run decide-server` (npm start also starts one on DECIDE_PORT).
import type { AddressInfo } from "node:net";
import { z } from "zod";
import { flushOnSignals } from "@/lib/jobs/shutdown";
import { createDecisionServer } from "./decision-server";
import { stopProbe, warmUp } from "./readiness";

const env = z
  .object({
    DATABASE_URL: z.string().min(1, "DATABASE_URL is required: the decision server reads the same Postgres as the app"),
    DECIDE_PORT: z.coerce.number().int().min(0).max(65_535).default(3001),
    DECIDE_HOST: z.string().default("0.0.0.0"),
  })
  .safeParse(process.env);
if (!env.success) {
  for (const issue of env.error.issues) console.error(`[decide-server] ${issue.path.join(".")}: ${issue.message}`);
  process.exit(2);
}

const server = createDecisionServer();
server.keepAliveTimeout = 65_000; // longer than common load balancers' idle timeout
server.on("error", (error: NodeJS.ErrnoException) => {
  const taken = error.code === "EADDRINUSE" || error.code === "EACCES";
  console.error(
    taken
      ? `[decide-server] cannot listen on port ${env.data.DECIDE_PORT} (${error.code}): set DECIDE_PORT to a free port, or DECIDE_PORT=off for npm start`
      : `[decide-server] ${error.message}`,
  );
  process.exit(1);
});
server.listen(env.data.DECIDE_PORT, env.data.DECIDE_HOST, () => {
  const { port } = server.address() as AddressInfo;
  console.log(`[decide-server] listening on http://localhost:${port}`);
});
void warmUp().then(() => console.log("[decide-server] ready: snapshots loaded"));

// SIGTERM/SIGINT: stop accepting, write what is buffered (events, exposures, membership refreshes), exit
flushOnSignals({
  label: "decide-server",
  ms: Number(process.env.DECIDE_SHUTDOWN_MS ?? 15_000),
  beforeFlush: () => {
    server.close();
    server.closeIdleConnections();
    stopProbe();
  },
});
