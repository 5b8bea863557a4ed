// npm run bench:decide -- [--connections 10] [--seconds 15] [--profiles 2000]
//
// 1. Pure decide() per visitor on a configuration of 20 placements with 3–5
//    experiences each and 50 segments (a third with behavior conditions):
//    median and p99 (goal: median under 100 µs).
// 2. The app (production build, the demo data and configuration) under
//    autocannon: POST /api/v1/decide (all demo placements, half known
//    visitors, half anonymous) against the same app's empty route
//    (/api/ping), same connections and duration, in one run: requests/s,
//    p50/p99 and their ratio (goal: at least 0.6).
// Ends with one JSON line.
import pg from "pg";
import { startApp, type RunningApp } from "../ingest/app-process";
import { load } from "./http";
import { measurePureDecide } from "./pure";

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const options = { connections: arg("connections", 10), seconds: arg("seconds", 15), profiles: arg("profiles", 2_000) };
const say = (line: string) => console.error(`[bench] ${line}`);
const CLIENT_KEY = "ck_benchDecideKey00000000000000000000";
const WRITE_KEY = "wk_benchDecideKey00000000000000000000";

say("pure decide(): 20 placements, 50 segments");
const pure = measurePureDecide();

let app: RunningApp | undefined;
process.on("SIGINT", () => void app?.stop().finally(() => process.exit(130)));
try {
  app = await startApp({ port: 3201, dataDir: ".data/bench-decide", urlFile: ".data/bench-decide-url", logFile: ".data/bench-decide.log", writeKey: WRITE_KEY, clientKey: CLIENT_KEY, demoProfiles: options.profiles }, say);
  const db = new pg.Client({ connectionString: app.databaseUrl });
  await db.connect();
  const { rows: users } = await db.query<{ value: string }>(`SELECT value FROM identities i JOIN workspaces w ON w.id = i.workspace_id WHERE w.slug = 'demo' AND i.type = 'user_id' ORDER BY i.value LIMIT 500`);
  const { rows: placements } = await db.query<{ key: string }>(`SELECT p.key FROM placements p JOIN workspaces w ON w.id = p.workspace_id WHERE w.slug = 'demo' ORDER BY p.key`);
  await db.end();
  const keys = placements.map((p) => p.key);
  let n = 0;
  const body = () => {
    n += 1;
    const known = n % 2 === 0 && users.length > 0;
    return JSON.stringify({ ...(known ? { userId: users[n % users.length]!.value } : { anonymousId: `bench-anon-${n}` }), placements: keys, context: { url: "http://localhost/demo-store", userAgent: "Mozilla/5.0 (iPhone) Mobile" } });
  };
  const headers = { authorization: `Bearer ${CLIENT_KEY}` };
  say("warming up both routes (not timed)");
  await load(`${app.baseUrl}/api/ping`, { connections: options.connections, seconds: 3 });
  await load(`${app.baseUrl}/api/v1/decide`, { connections: options.connections, seconds: 3, headers, body });
  say(`loading /api/ping for ${options.seconds} s`);
  const empty = await load(`${app.baseUrl}/api/ping`, { connections: options.connections, seconds: options.seconds });
  say(`loading /api/v1/decide for ${options.seconds} s`);
  const decide = await load(`${app.baseUrl}/api/v1/decide`, { connections: options.connections, seconds: options.seconds, headers, body });
  const ratio = decide.requestsPerSecond / empty.requestsPerSecond;
  const goals = { pureMedianUnder100us: pure.medianUs < 100, ratioAtLeast0_6: ratio >= 0.6 };

  console.log(`\npure decide()   ${pure.placements} placements, ${pure.experiences} experiences, ${pure.segments} segments (${pure.behaviorSegments} with behavior), ${pure.visitors} visitors`);
  console.log(`                median ${pure.medianUs.toFixed(1)} µs, p99 ${pure.p99Us.toFixed(1)} µs, ${pure.servedByExperience.toFixed(1)} placements served by an experience per visitor`);
  for (const r of [empty, decide]) console.log(`${r.route.padEnd(16)}${r.requestsPerSecond.toFixed(0).padStart(6)} req/s  p50 ${r.p50Ms} ms  p99 ${r.p99Ms} ms  (${r.total} requests, ${r.non2xx} non-2xx, ${r.errors} errors)`);
  console.log(`ratio           ${ratio.toFixed(2)} (decide / empty route), ${keys.length} placements per decision, ${options.connections} connections, ${options.seconds} s each`);
  console.log(`goals           pure median < 100 µs: ${goals.pureMedianUnder100us ? "met" : "NOT met"} · decide ≥ 0.6 × empty route: ${goals.ratioAtLeast0_6 ? "met" : "NOT met"}`);
  console.log(JSON.stringify({ bench: "decide", pure, http: { empty, decide, ratio, connections: options.connections, seconds: options.seconds, placements: keys.length }, goals }));
} finally {
  await app?.stop();
}
