// GET /api/health — liveness and database reachability, for load balancers and the start script
import { answer, apiRoute } from "@/lib/api/route";
import { databaseAnswers } from "@/lib/workspaces/db/workspaces";

export const dynamic = "force-dynamic";

export const GET = apiRoute({ auth: "public" }, async () =>
  (await databaseAnswers()) ? { status: "ok" } : answer(503, { status: "degraded", database: "unreachable" }),
);
