// npm run bench:experiments -- [--profiles 105000] [--runs 11] [--fresh]
//
// On the demo data grown to --profiles (seeded once into .data/bench-experiments and reused, --fresh to
// reseed; 105,000 profiles give about 3 million events and over a million exposures), the results of the
// demo's A/B test as the results page asks for them: three goals (Purchase, Revenue, Revenue per order),
// each with its CUPED covariate, one sufficient-statistics statement per goal, the phase's units, the
// recent traffic and the analysis (loadExperimentResults). Against it, in the same run and alternating
// which goes first, a hand-written statement of the same three metrics' sufficient statistics
// (hand-sql.ts), whose sums must agree with the product's. Goal (issue 16): under 1 s, and at most 1.5 ×
// the hand-written query. Then what the results find on this much data, against the demo's true effects
// (prisma/seed/experiment-effects.ts). Ends with one JSON line.
import { performance } from "node:perf_hooks";
import { loadExperimentResults } from "@/lib/results/db/load-results";
import { metricSums } from "@/lib/results/db/metric-sums";
import { loadResultsDesign } from "@/lib/results/db/load-design";
import { resultsQuerySchema } from "@/lib/results/schema";
import { totalsByVariation } from "@/lib/results/totals";
import type { ExperimentResults } from "@/lib/results/types";
import { openDemoData } from "../demo-data";
import { median, ms, quantile } from "../segments/stats";
import { HAND_WRITTEN, type HandRow } from "./hand-sql";

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const options = { profiles: arg("profiles", 105_000), runs: arg("runs", 11), fresh: process.argv.includes("--fresh") };
const say = (line: string) => console.error(`[bench] ${line}`);
const pct = (x: number) => `${x >= 0 ? "+" : ""}${(x * 100).toFixed(1)} %`;

const data = await openDemoData({ dataDir: ".data/bench-experiments", ...options, say });
try {
  const { pool, workspaceId } = data;
  await pool.query("VACUUM (ANALYZE) events, exposures, assignments, identities, profiles");
  const {
    rows: [size],
  } = await pool.query<{ events: number; exposures: number; assignments: number }>(
    `SELECT (SELECT count(*) FROM events WHERE workspace_id = $1)::int AS events,
            (SELECT count(*) FROM exposures WHERE workspace_id = $1)::int AS exposures,
            (SELECT count(*) FROM assignments WHERE workspace_id = $1)::int AS assignments`,
    [workspaceId],
  );
  say(
    `${data.created ? "seeded" : "reused"}: ${size!.events.toLocaleString("en-US")} events, ${size!.exposures.toLocaleString("en-US")} exposures, ${size!.assignments.toLocaleString("en-US")} assignments`,
  );
  const experiments = (
    await pool.query<{ id: string; key: string }>(
      "SELECT id, key FROM experiments WHERE workspace_id = $1 AND status = 'running' ORDER BY key",
      [workspaceId],
    )
  ).rows;
  const ab = experiments.find((e) => e.key === "home-hero-headline");
  if (!ab) throw new Error("the demo's A/B test home-hero-headline is missing");
  const query = resultsQuerySchema.parse({});
  const now = new Date();

  // the two must count the same: the hand-written sums against the product's, per variation
  const loaded = (await loadResultsDesign(workspaceId, ab.id))!;
  const goal = (name: string) => loaded.goals.find((g) => g.name === name)!;
  const productSums = async (name: string) =>
    totalsByVariation(
      (
        await metricSums({
          workspaceId,
          experimentId: ab.id,
          phase: loaded.design.phase,
          unitType: loaded.unitType,
          goal: goal(name),
          cupedDays: loaded.design.cupedDays,
          bucketing: { by: "day" },
          now,
        })
      ).rows,
      loaded.design.arms.map((a) => a.variationId),
    );
  const hand = async () => (await pool.query<HandRow>(HAND_WRITTEN, [workspaceId, ab.id, now])).rows;
  const [purchase, revenue, perOrder, handRows] = await Promise.all([
    productSums("Purchase"),
    productSums("Revenue"),
    productSums("Revenue per order"),
    hand(),
  ]);
  const close = (a: number, b: number) => Math.abs(a - b) <= 1e-6 * Math.max(1, Math.abs(a), Math.abs(b));
  for (const row of handRows) {
    const checks: [string, number, number][] = [
      ["units", row.n, purchase.get(row.variation_id)!.n],
      ["buyers", row.buyers, purchase.get(row.variation_id)!.sum],
      ["revenue", row.revenue, revenue.get(row.variation_id)!.sum],
      ["revenue²", row.revenue_squares, revenue.get(row.variation_id)!.sumSquares],
      ["revenue before", row.before, revenue.get(row.variation_id)!.covariateSum],
      ["revenue × before", row.revenue_before, revenue.get(row.variation_id)!.covariateCross],
      ["orders", row.orders, perOrder.get(row.variation_id)!.denominatorSum],
      ["revenue × orders", row.revenue_orders, perOrder.get(row.variation_id)!.denominatorCross],
    ];
    for (const [what, a, b] of checks)
      if (!close(a, b)) throw new Error(`hand-written and product sums disagree on ${what}: ${a} vs ${b}`);
  }
  say(`sums agree: ${handRows.map((r) => `${r.n.toLocaleString("en-US")} units`).join(", ")}`);

  const product = () => loadExperimentResults(workspaceId, ab.id, query, now);
  const timed = async (run: () => Promise<unknown>) => {
    const t = performance.now();
    await run();
    return performance.now() - t;
  };
  for (let i = 0; i < 2; i++) await Promise.all([product(), hand()]); // warm caches, not timed
  const productMs: number[] = [];
  const handMs: number[] = [];
  for (let r = 0; r < options.runs; r++) {
    const order = r % 2 === 0 ? (["product", "hand"] as const) : (["hand", "product"] as const);
    for (const which of order)
      (which === "product" ? productMs : handMs).push(await timed(which === "product" ? product : hand));
  }
  const timing = {
    productMedian: median(productMs),
    productP90: quantile(productMs, 0.9),
    handMedian: median(handMs),
    handP90: quantile(handMs, 0.9),
  };
  const ratio = timing.productMedian / timing.handMedian;
  say(
    `results of the A/B test (3 goals, CUPED): median ${ms(timing.productMedian)} (p90 ${ms(timing.productP90)}) — goal < 1 s: ${timing.productMedian < 1000 ? "met" : "NOT met"}`,
  );
  say(
    `hand-written statement: median ${ms(timing.handMedian)} (p90 ${ms(timing.handP90)}); ratio ${ratio.toFixed(2)} — goal ≤ 1.5: ${ratio <= 1.5 ? "met" : "NOT met"}`,
  );

  // what the results say on this much data (true effects: prisma/seed/README.md, "True effects")
  const findings: Record<string, unknown>[] = [];
  for (const e of experiments) {
    const results = (await loadExperimentResults(workspaceId, e.id, query, now)) as ExperimentResults;
    for (const metric of results.metrics)
      for (const arm of metric.arms.filter((a) => !a.isControl && a.effect?.computable)) {
        const effect = arm.effect as Extract<NonNullable<typeof arm.effect>, { computable: true }>;
        say(
          `${e.key} ${metric.name} ${arm.key}: ${pct(effect.lift)} (${pct(effect.interval[0])} to ${pct(effect.interval[1])}), p ${effect.pValue?.toPrecision(3)}, units ${metric.arms.map((a) => a.units).join("/")}`,
        );
        findings.push({
          experiment: e.key,
          metric: metric.name,
          arm: arm.key,
          lift: effect.lift,
          interval: effect.interval,
        });
      }
    for (const f of results.factorial?.effects ?? [])
      say(
        `${e.key} ${f.kind} ${f.label}: ${f.effect.toFixed(4)} (${f.interval[0].toFixed(4)} to ${f.interval[1].toFixed(4)}), p ${f.pValue.toPrecision(3)}`,
      );
    say(`${e.key}: ${results.recommendation.verdict} — ${results.recommendation.text}`);
    findings.push({
      experiment: e.key,
      verdict: results.recommendation.verdict,
      factorial: results.factorial?.effects ?? [],
    });
  }
  console.log(JSON.stringify({ options, size, timing, ratio, findings }));
} finally {
  await data.close();
}
