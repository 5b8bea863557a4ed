import type { ArmBucketSums, MetricSums } from "@/lib/results/sums";
import { withStatementTimeout } from "@/lib/segments/db/with-statement-timeout";
import { metricSumsSql, type MetricSumsInput } from "./metric-sums-sql";

export type { MetricSumsInput } from "./metric-sums-sql";

/** How long the one statement may run before Postgres cancels it (a runaway query must not hold the server). */
export const METRIC_SUMS_TIMEOUT_MS = 30_000;

type Row = {
  variation_id: string;
  bucket: string;
  n: number;
  multiple: number;
  cap: number | null;
  sum: number;
  sum_squares: number;
  covariate_sum: number;
  covariate_sum_squares: number;
  covariate_cross: number;
  denominator_sum: number;
  denominator_sum_squares: number;
  denominator_cross: number;
};

/**
 * The sufficient statistics of one metric of an experiment's phase per
 * variation and bucket (see lib/results/sums.ts for their meaning), computed
 * by one SQL statement (metric-sums-sql.ts) under a 30 s statement timeout:
 * the database reads and adds up, this maps its rows. Buckets where every
 * profile was left out (assigned to several variations) give no row, only
 * their count in `multipleExposures`.
 */
export async function metricSums(input: MetricSumsInput): Promise<MetricSums> {
  const { text, values } = metricSumsSql(input);
  const { rows } = await withStatementTimeout(METRIC_SUMS_TIMEOUT_MS, (client) => client.query<Row>(text, values));
  let multipleExposures = 0;
  let cap: number | null = null;
  const sums: ArmBucketSums[] = [];
  for (const r of rows) {
    multipleExposures += r.multiple;
    cap = r.cap;
    if (r.n === 0) continue;
    sums.push({
      variationId: r.variation_id,
      bucket: r.bucket,
      n: r.n,
      sum: r.sum,
      sumSquares: r.sum_squares,
      covariateSum: r.covariate_sum,
      covariateSumSquares: r.covariate_sum_squares,
      covariateCross: r.covariate_cross,
      denominatorSum: r.denominator_sum,
      denominatorSumSquares: r.denominator_sum_squares,
      denominatorCross: r.denominator_cross,
    });
  }
  return { rows: sums, multipleExposures, cap };
}
