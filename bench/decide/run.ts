// npm run bench:decide -- [--connections 10] [--seconds 15] [--profiles 2000] [--rounds 3]
//
// 1. Pure decide() per visitor on a configuration of 20 placements with 3–5
//    experiences each and 50 segments (a third with behavior conditions):
//    median and p99 (goal: median under 100 µs).
// 2. Three servers under autocannon, same connections, same duration, one
//    after the other, in one run (the bare server and the decision server in
//    --rounds turns; the median round's pair is reported): a bare node:http server answering a fixed
//    JSON body (this machine's ceiling), the decision server (server/decide.ts bundled,
//    as npm start runs it) and the Next app's route, both serving the demo
//    data and configuration: all demo placements per call, half known
//    visitors, a quarter returning anonymous ones, a quarter new ones.
//    Requests/s, p50/p99, ratios to the bare server (goal: the decision
//    server at least 0.5), then the decision server at 70 % of its maximum
//    rate: p99 (goal: under 10 ms). The app's empty route (/api/ping) too.
//    The demo workspace runs ten experiments and a 5 % holdout meanwhile (bench/decide/experiments.ts),
//    and every decision also asks for the three flags among them.
// Ends with one JSON line.
import { spawn } from "node:child_process";
import { createInterface } from "node:readline";
import pg from "pg";
import { startApp, type RunningApp } from "../ingest/app-process";
import { load, type HttpResult } from "./http";
import { ensureBenchExperiments } from "./experiments";
import { measurePureDecide, type PureResult } from "./pure";
import { measureRateLimit, measureSignatureCheck } from "./edge-checks";
import { cpuSecondsOf, pidOf, waitForQuiet } from "./quiet";
import { userHash } from "@/lib/identity/signed-user-id";

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const options = {
  connections: arg("connections", 10),
  seconds: arg("seconds", 15),
  profiles: arg("profiles", 2_000),
  rounds: arg("rounds", 3),
};
const say = (line: string) => console.error(`[bench] ${line}`);
const CLIENT_KEY = "ck_benchDecideKey00000000000000000000";
const WRITE_KEY = "wk_benchDecideKey00000000000000000000";
const PORT = 3201;
const DECIDE_PORT = 3202;

say("pure decide(): 20 placements, 50 segments; then the same with 10 running experiments and a 5 % holdout");
// alternating, so that the machine's drift weighs on both alike; the median of three each
const pureRuns = [0, 1, 2].flatMap(() => [measurePureDecide(), measurePureDecide(20_000, true)]);
const medianOf = (list: PureResult[]) => [...list].sort((a, b) => a.medianUs - b.medianUs)[1]!;
const pure = medianOf(pureRuns.filter((r) => r.experiments === 0));
const pureExperiments = medianOf(pureRuns.filter((r) => r.experiments > 0));
const signatureUs = measureSignatureCheck();
const rateLimitUs = measureRateLimit();

const bare = spawn(process.execPath, ["bench/decide/bare-server.mjs"], { stdio: ["ignore", "pipe", "inherit"] });
const barePort = Number(
  await new Promise<string>((resolve) => createInterface({ input: bare.stdout! }).once("line", resolve)),
);
let app: RunningApp | undefined;
const stopAll = async () => {
  bare.kill("SIGTERM");
  await app?.stop();
};
process.on("SIGINT", () => void stopAll().finally(() => process.exit(130)));
try {
  app = await startApp(
    {
      port: PORT,
      decidePort: DECIDE_PORT,
      dataDir: ".data/bench-decide",
      urlFile: ".data/bench-decide-url",
      logFile: ".data/bench-decide.log",
      writeKey: WRITE_KEY,
      clientKey: CLIENT_KEY,
      demoProfiles: options.profiles,
    },
    say,
  );
  const decisionServer = `http://127.0.0.1:${DECIDE_PORT}`;
  for (
    const started = Date.now();
    !(await fetch(`${decisionServer}/readyz`).then(
      (r) => r.ok,
      () => false,
    ));
  ) {
    if (Date.now() - started > 60_000) throw new Error("the decision server did not become ready");
    await new Promise((r) => setTimeout(r, 250));
  }
  const db = new pg.Client({ connectionString: app.databaseUrl });
  await db.connect();
  const ids = async (type: string) =>
    (
      await db.query<{ value: string }>(
        `SELECT value FROM identities i JOIN workspaces w ON w.id = i.workspace_id WHERE w.slug = 'demo' AND i.type = $1 ORDER BY i.value LIMIT 500`,
        [type],
      )
    ).rows.map((r) => r.value);
  const [users, anonymous] = [await ids("user_id"), await ids("anonymous_id")];
  // the known users' ids come signed, as a storefront's server signs them for the browser (the demo requires it)
  const { rows: secrets } = await db.query<{ secret: string }>(
    `SELECT s.secret FROM identity_secrets s JOIN workspaces w ON w.id = s.workspace_id WHERE w.slug = 'demo' AND s.expires_at IS NULL`,
  );
  const secret = secrets[0]?.secret;
  if (!secret) throw new Error("the demo workspace has no identity secret: reseed it (--fresh)");
  const hashes = new Map(users.map((u) => [u, userHash(secret, u)]));
  const { rows: placements } = await db.query<{ key: string }>(
    `SELECT p.key FROM placements p JOIN workspaces w ON w.id = p.workspace_id WHERE w.slug = 'demo' ORDER BY p.key`,
  );
  // one client key carries the whole load here: lift its per-key rate limit out of the way (the key cache reads
  // it again within 5 s, well before the first measurement)
  await db.query("UPDATE workspaces SET api_rate_limit = 1000000 WHERE slug = 'demo'");
  const experiments = await ensureBenchExperiments(db, app.baseUrl, say);
  say("VACUUM ANALYZE, then waiting for the machine to be quiet");
  await db.query("VACUUM ANALYZE");
  await db.end();
  const idle = await waitForQuiet();
  say(`machine ${(idle * 100).toFixed(0)} % idle`);
  const keys = placements.map((p) => p.key);
  let n = 0;
  const body = () => {
    n += 1;
    const who =
      n % 2 === 0
        ? { userId: users[n % users.length], userHash: hashes.get(users[n % users.length]!) }
        : n % 4 === 1
          ? { anonymousId: anonymous[n % anonymous.length] }
          : { anonymousId: `bench-new-${n}`, newVisitor: true };
    return JSON.stringify({
      ...who,
      placements: keys,
      experiments: experiments.flagKeys,
      context: { url: "http://localhost/demo-store", userAgent: "Mozilla/5.0 (iPhone) Mobile" },
    });
  };
  const headers = { authorization: `Bearer ${CLIENT_KEY}` };
  const at = { connections: options.connections, seconds: options.seconds };
  const targets = {
    bare: `http://127.0.0.1:${barePort}/`,
    decisionServer: `${decisionServer}/v1/decide`,
    nextDecide: `${app.baseUrl}/api/v1/decide`,
    nextPing: `${app.baseUrl}/api/ping`,
  };
  // the process serving each target, to read the CPU it spends per request
  const pids = {
    bare: bare.pid!,
    decisionServer: pidOf("decide-server.mjs"),
    nextDecide: pidOf("next-server") ?? pidOf("next start"),
    nextPing: pidOf("next-server") ?? pidOf("next start"),
  };
  const results: Record<keyof typeof targets, HttpResult & { cpuUsPerRequest: number | null }> = {} as never;
  const measure = async (name: keyof typeof targets, rate?: number) => {
    const pid = pids[name];
    const before = pid ? cpuSecondsOf(pid) : 0;
    const result = await load(targets[name], { ...at, headers, body, rate });
    return { ...result, cpuUsPerRequest: pid ? ((cpuSecondsOf(pid) - before) * 1e6) / result.total : null };
  };
  type Measured = HttpResult & { cpuUsPerRequest: number | null };
  const warm = async (name: keyof typeof targets, seconds: number) => {
    say(`warming up ${name} (${targets[name]}) for ${seconds} s, then loading it for ${options.seconds} s`);
    await load(targets[name], { ...at, seconds, headers, body }); // JIT, caches, connections: not timed
  };
  // The bare server and the decision server in turns, so that a change of this machine's speed during the
  // run (it varies by a sixth within minutes) weighs on both alike: each round's ratio pairs neighbours.
  const rounds: { bare: Measured; decisionServer: Measured }[] = [];
  for (let round = 1; round <= options.rounds; round++) {
    say(`round ${round} of ${options.rounds}`);
    await warm("bare", round === 1 ? 8 : 3);
    const bareRound = await measure("bare");
    await warm("decisionServer", round === 1 ? 8 : 3);
    rounds.push({ bare: bareRound, decisionServer: await measure("decisionServer") });
  }
  const middle = <T>(items: T[], by: (item: T) => number): T =>
    [...items].sort((a, b) => by(a) - by(b))[Math.floor(items.length / 2)]!;
  const roundRatios = rounds.map((r) => r.decisionServer.requestsPerSecond / r.bare.requestsPerSecond);
  const medianRound = middle(rounds, (r) => r.decisionServer.requestsPerSecond / r.bare.requestsPerSecond);
  results.bare = medianRound.bare;
  results.decisionServer = medianRound.decisionServer;
  const rate = 0.7 * middle(rounds, (r) => r.decisionServer.requestsPerSecond).decisionServer.requestsPerSecond;
  say(`loading the decision server at 70 % of its median maximum (${rate.toFixed(0)} req/s) for ${options.seconds} s`);
  const paced = await measure("decisionServer", rate);
  for (const name of ["nextDecide", "nextPing"] as const) {
    await warm(name, 8);
    results[name] = await measure(name);
  }

  const ratio = (r: HttpResult) => r.requestsPerSecond / results.bare.requestsPerSecond;
  const goals = {
    pureMedianUnder100us: pure.medianUs < 100,
    pureWithExperimentsMedianUnder50us: pureExperiments.medianUs < 50,
    decisionServerAtLeastHalfOfBare: ratio(results.decisionServer) >= 0.5,
    p99Under10msAt70Percent: paced.p99Ms < 10,
  };

  console.log(
    `\npure decide()        ${pure.placements} placements, ${pure.experiences} experiences, ${pure.segments} segments (${pure.behaviorSegments} with behavior), ${pure.visitors} visitors`,
  );
  console.log(
    `                     median ${pure.medianUs.toFixed(1)} µs, p99 ${pure.p99Us.toFixed(1)} µs, ${pure.servedByExperience.toFixed(1)} placements served by an experience per visitor`,
    `  + ${pureExperiments.experiments} experiments   median ${pureExperiments.medianUs.toFixed(1)} µs, p99 ${pureExperiments.p99Us.toFixed(1)} µs, ${pureExperiments.experimentsPerVisitor.toFixed(1)} experiments answered per visitor (× ${(pureExperiments.medianUs / pure.medianUs).toFixed(2)} of without)`,
  );
  const edgeShare =
    results.decisionServer.cpuUsPerRequest === null
      ? null
      : ((signatureUs / 2 + rateLimitUs) / results.decisionServer.cpuUsPerRequest) * 100;
  console.log(
    `userHash check       ${signatureUs.toFixed(2)} µs per signed call (half the calls here are signed); rate limit ${rateLimitUs.toFixed(2)} µs per call${edgeShare === null ? "" : `: together ${edgeShare.toFixed(1)} % of the decision server's CPU per request`}`,
  );
  const row = (name: string, r: HttpResult & { cpuUsPerRequest: number | null }) =>
    console.log(
      `${name.padEnd(21)}${r.requestsPerSecond.toFixed(0).padStart(6)} req/s  p50 ${r.p50Ms} ms  p99 ${r.p99Ms} ms  ×${ratio(r).toFixed(2)} of bare  ${r.cpuUsPerRequest === null ? "" : `${r.cpuUsPerRequest.toFixed(0)} µs CPU/request  `}(${r.total} requests, ${r.non2xx} non-2xx, ${r.errors} errors)`,
    );
  row("bare node:http", results.bare);
  row("decision server", results.decisionServer);
  row("Next /api/v1/decide", results.nextDecide);
  row("Next /api/ping", results.nextPing);
  row("decision server @70%", paced);
  console.log(
    `rounds               decision server / bare: ${roundRatios.map((r) => r.toFixed(2)).join(", ")} (the median round is shown above)`,
  );
  rounds.forEach((r, i) =>
    console.log(
      `  round ${i + 1}            bare ${r.bare.requestsPerSecond.toFixed(0)} req/s (${r.bare.cpuUsPerRequest?.toFixed(0)} µs CPU), decision server ${r.decisionServer.requestsPerSecond.toFixed(0)} req/s (${r.decisionServer.cpuUsPerRequest?.toFixed(0)} µs CPU)`,
    ),
  );
  console.log(
    `                     ${keys.length} placements and ${experiments.flagKeys.length} flags per decision, ${experiments.running} running experiments, ${options.connections} connections, ${options.seconds} s each`,
  );
  console.log(
    `goals                pure median < 100 µs: ${goals.pureMedianUnder100us ? "met" : "NOT met"} · with 10 experiments < 50 µs: ${goals.pureWithExperimentsMedianUnder50us ? "met" : "NOT met"} · decision server ≥ 0.5 × bare: ${goals.decisionServerAtLeastHalfOfBare ? "met" : "NOT met"} · p99 < 10 ms at 70 %: ${goals.p99Under10msAt70Percent ? "met" : "NOT met"}`,
  );
  console.log(
    JSON.stringify({
      bench: "decide",
      pure,
      pureExperiments,
      signatureUs,
      rateLimitUs,
      http: {
        ...results,
        decisionServerAt70Percent: { ...paced, rate },
        ratios: Object.fromEntries(Object.entries(results).map(([k, r]) => [k, ratio(r)])),
        rounds: rounds.map((r, i) => ({
          bare: r.bare.requestsPerSecond,
          decisionServer: r.decisionServer.requestsPerSecond,
          ratio: roundRatios[i],
        })),
        connections: options.connections,
        seconds: options.seconds,
        placements: keys.length,
        runningExperiments: experiments.running,
        flagsPerDecision: experiments.flagKeys.length,
      },
      goals,
    }),
  );
} finally {
  await stopAll();
}
