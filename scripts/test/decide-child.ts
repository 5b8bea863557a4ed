// A second server process for the snapshot-sync test: serves decisions with
// the same code as the app's route (its own snapshot store, its own LISTEN
// connection) on a random port, printed as its first line of output.
import http from "node:http";
import { serveDecision } from "@/lib/decide/queries/serve-decision";
import { decideBodySchema } from "@/lib/decide/request";

const server = http.createServer((request, response) => {
  let raw = "";
  request.on("data", (chunk) => (raw += chunk));
  request.on("end", async () => {
    try {
      const { workspaceId, body } = JSON.parse(raw) as { workspaceId: string; body: unknown };
      const result = await serveDecision(workspaceId, decideBodySchema.parse(body));
      response.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(result));
    } catch (error) {
      response.writeHead(500).end(String(error));
    }
  });
});
server.listen(0, "127.0.0.1", () => {
  const address = server.address();
  console.log(typeof address === "object" && address ? address.port : 0);
});
process.on("SIGTERM", () => server.close(() => process.exit(0)));
