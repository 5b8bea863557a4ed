// GET /api/health — liveness and database reachability, for load balancers and the start script
import { apiRoute } from "@/lib/api/route";
import { db } from "@/lib/db/client";

export const dynamic = "force-dynamic";

export const GET = apiRoute({ auth: "public" }, async () => {
  await db.$queryRaw`SELECT 1`;
  return { status: "ok" };
});
