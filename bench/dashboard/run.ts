// npm run bench:dashboard -- [--profiles 105000] [--runs 9] [--fresh]
//
// On the demo data grown to --profiles (the same data as bench:experiments, in .data/bench-experiments:
// 105,000 profiles give about 3 million events and a million exposures), the server time of four dashboard
// questions over the last 30 days as the pages ask them: the overview (with the previous 30 days), a breakdown
// of two segments, content performance, and a three-step funnel (view → add → order, 7 days). Each against a
// plain raw-event statement of the same question (hand-sql.ts) in the same run, alternating which goes first;
// their answers must agree. Goal (issue 17): under 300 ms each (median). Ends with one JSON line.
import { performance } from "node:perf_hooks";
import { breakdownCounts } from "@/lib/analytics/db/breakdown-counts";
import { loadBreakdown } from "@/lib/analytics/db/load-breakdown";
import { loadContent } from "@/lib/analytics/db/load-content";
import { loadFunnel } from "@/lib/analytics/db/load-funnel";
import { holdoutGroups } from "@/lib/analytics/db/holdout-groups";
import { loadLift } from "@/lib/analytics/db/load-lift";
import { loadOverview } from "@/lib/analytics/db/load-overview";
import { rollUpPass } from "@/lib/analytics/db/rollup-pass";
import { rebuildRollup } from "@/lib/analytics/db/rollup-rebuild";
import { funnelInputSchema } from "@/lib/analytics/funnel";
import { rangeInputSchema, resolveRange } from "@/lib/analytics/range";
import { createProgressBar } from "@/prisma/seed/progress";
import { openDemoData } from "../demo-data";
import { median, ms, quantile } from "../segments/stats";
import { CONTENT_SQL, FUNNEL_SQL, OVERVIEW_SQL, SEGMENTS_SQL } from "./hand-sql";

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const options = { profiles: arg("profiles", 105_000), runs: arg("runs", 9), fresh: process.argv.includes("--fresh") };
const say = (line: string) => console.error(`[bench] ${line}`);
const GOAL_MS = 300;

const data = await openDemoData({ dataDir: ".data/bench-experiments", ...options, say });
try {
  const { pool, workspaceId } = data;
  await pool.query("VACUUM (ANALYZE) events, exposures, segment_memberships, identities, profiles");
  const size = (
    await pool.query<{ events: number; exposures: number }>(
      `SELECT (SELECT count(*) FROM events WHERE workspace_id = $1)::int AS events,
              (SELECT count(*) FROM exposures WHERE workspace_id = $1)::int AS exposures`,
      [workspaceId],
    )
  ).rows[0]!;
  say(
    `${data.created ? "seeded" : "reused"}: ${size.events.toLocaleString("en-US")} events, ${size.exposures.toLocaleString("en-US")} exposures`,
  );

  // the rollup the overview and breakdowns read (rebuilt each run: its time is a figure too)
  let t = performance.now();
  const built = (await rebuildRollup(workspaceId, createProgressBar()))!;
  const rebuildMs = performance.now() - t;
  await pool.query("VACUUM (ANALYZE) visitor_days");
  t = performance.now();
  await rollUpPass(workspaceId);
  const idlePassMs = performance.now() - t;
  say(
    `rollup rebuilt: ${built.rows.toLocaleString("en-US")} visitor-days in ${ms(rebuildMs)}; a pass with nothing new ${ms(idlePassMs)}`,
  );

  const now = new Date();
  const range = rangeInputSchema.parse({ preset: "30d" });
  const span = resolveRange(range, now, "UTC");
  const spanParams = [workspaceId, span.from, span.to, "UTC"];
  const segments = (
    await pool.query<{ id: string }>(
      `SELECT s.id FROM segments s LEFT JOIN segment_memberships m ON m.segment_id = s.id
       WHERE s.workspace_id = $1 AND s.archived_at IS NULL GROUP BY s.id ORDER BY count(m.profile_id) DESC, s.id LIMIT 2`,
      [workspaceId],
    )
  ).rows.map((r) => r.id);
  const funnel = funnelInputSchema.parse({
    steps: [{ eventName: "Product Viewed" }, { eventName: "Product Added" }, { eventName: "Order Completed" }],
  });

  type Question = {
    name: string;
    product: () => Promise<unknown>;
    hand: () => Promise<unknown>;
    check: () => Promise<void>;
  };
  const equal = (what: string, a: unknown, b: unknown) => {
    if (JSON.stringify(a) !== JSON.stringify(b))
      throw new Error(`${what}: product ${JSON.stringify(a)} vs hand ${JSON.stringify(b)}`);
  };
  const questions: Question[] = [
    {
      name: "overview (30 days vs the 30 before)",
      product: () => loadOverview(workspaceId, range, now),
      hand: () =>
        Promise.all([
          pool.query(OVERVIEW_SQL, spanParams),
          pool.query(OVERVIEW_SQL, [workspaceId, span.comparison!.from, span.comparison!.to, "UTC"]),
        ]),
      check: async () => {
        const o = (await loadOverview(workspaceId, range, now))!;
        const h = (await pool.query(OVERVIEW_SQL, spanParams)).rows[0];
        equal(
          "overview",
          [o.figures.visitors, o.figures.buyers, o.figures.orders, Math.round(o.figures.revenue)],
          [h.visitors, h.buyers, h.orders, Math.round(h.revenue)],
        );
      },
    },
    {
      name: "breakdown of two segments",
      product: () => loadBreakdown(workspaceId, range, { by: "segment", segmentIds: segments }, now),
      hand: () => pool.query(SEGMENTS_SQL, [...spanParams, segments]),
      check: async () => {
        const b = (await loadBreakdown(workspaceId, range, { by: "segment", segmentIds: segments }, now)) as {
          rows: { value: string; figures: { visitors: number } }[];
        };
        const h = (await pool.query<{ segment_id: string; visitors: number }>(SEGMENTS_SQL, [...spanParams, segments]))
          .rows;
        equal(
          "segments",
          segments.map((id) => b.rows.find((r) => r.value === id)?.figures.visitors ?? 0),
          segments.map((id) => h.find((r) => r.segment_id === id)?.visitors ?? 0),
        );
      },
    },
    {
      name: "breakdown by traffic source (against the raw-event read it replaces)",
      product: () => loadBreakdown(workspaceId, range, { by: "source", segmentIds: [] }, now),
      hand: () => breakdownCounts(workspaceId, span, "UTC", "source", []),
      check: async () => {
        const b = (await loadBreakdown(workspaceId, range, { by: "source", segmentIds: [] }, now)) as {
          rows: { value: string; figures: { visitors: number } }[];
        };
        const h = await breakdownCounts(workspaceId, span, "UTC", "source", []);
        const top = b.rows.filter((r) => r.value !== "(other)");
        equal(
          "sources",
          top.map((r) => r.figures.visitors),
          top.map((r) => h.find((x) => x.value === r.value)?.counts.visitors),
        );
      },
    },
    {
      name: "personalization lift (against the raw-event read it replaces)",
      product: () => loadLift(workspaceId, range, now),
      hand: () => holdoutGroups(workspaceId, span, "UTC"),
      check: async () => {
        const l = (await loadLift(workspaceId, range, now))!;
        const h = await holdoutGroups(workspaceId, span, "UTC");
        equal(
          "lift",
          [l.lift.holdout.units, l.lift.holdout.buyers, l.lift.personalized.units, l.lift.personalized.buyers],
          [h.holdout.units, h.holdout.buyers, h.personalized.units, h.personalized.buyers],
        );
      },
    },
    {
      name: "content performance",
      product: () => loadContent(workspaceId, range, now),
      hand: () => pool.query(CONTENT_SQL, spanParams),
      check: async () => {
        const c = (await loadContent(workspaceId, range, now))!;
        const h = (await pool.query<{ variant_id: string; impressions: number }>(CONTENT_SQL, spanParams)).rows;
        const byVariant = (rows: { variantId?: string; variant_id?: string; impressions: number }[]) =>
          Object.fromEntries(
            rows
              .filter((r) => r.impressions > 0)
              .map((r) => [r.variantId ?? r.variant_id, r.impressions])
              .sort(),
          );
        equal("impressions", byVariant(c.rows), byVariant(h));
      },
    },
    {
      name: "funnel of three steps",
      product: () => loadFunnel(workspaceId, range, funnel, now),
      hand: () => pool.query(FUNNEL_SQL, spanParams),
      check: async () => {
        const f = (await loadFunnel(workspaceId, range, funnel, now)) as { groups: { steps: { count: number }[] }[] };
        const h = (await pool.query<{ viewed: number; added: number; ordered: number }>(FUNNEL_SQL, spanParams))
          .rows[0]!;
        equal(
          "funnel",
          f.groups[0]!.steps.map((s) => s.count),
          [h.viewed, h.added, h.ordered],
        );
      },
    },
  ];
  const timed = async (run: () => Promise<unknown>) => {
    const t = performance.now();
    await run();
    return performance.now() - t;
  };
  const results: Record<string, unknown>[] = [];
  for (const q of questions) {
    await q.check();
    for (let i = 0; i < 2; i++) await Promise.all([q.product(), q.hand()]); // warm caches, not timed
    const productMs: number[] = [];
    const handMs: number[] = [];
    for (let r = 0; r < options.runs; r++) {
      const order = r % 2 === 0 ? (["product", "hand"] as const) : (["hand", "product"] as const);
      for (const which of order)
        (which === "product" ? productMs : handMs).push(await timed(which === "product" ? q.product : q.hand));
    }
    const row = {
      question: q.name,
      productMedian: median(productMs),
      productP90: quantile(productMs, 0.9),
      handMedian: median(handMs),
      ratio: median(productMs) / median(handMs),
    };
    say(
      `${q.name}: median ${ms(row.productMedian)} (p90 ${ms(row.productP90)}), raw-event statement ${ms(row.handMedian)}, ratio ${row.ratio.toFixed(2)} — goal < ${GOAL_MS} ms: ${row.productMedian < GOAL_MS ? "met" : "NOT met"}`,
    );
    results.push(row);
  }
  console.log(JSON.stringify({ options, size, rollup: { rows: built.rows, rebuildMs, idlePassMs }, results }));
} finally {
  await data.close();
}
