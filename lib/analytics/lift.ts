import { proportionTest, welchTTest } from "@/lib/stats/frequentist";
import type { SampleStats } from "@/lib/stats/types";

/** One group of exposed visitors: units, buyers, and Σ and Σ² of each unit's revenue. */
export type LiftGroup = { units: number; buyers: number; revenue: SampleStats };

export type LiftFigure = {
  holdout: number | null;
  personalized: number | null;
  /** Relative lift of the personalized over the holdout, with its 1 − α interval and two-sided p-value. */
  lift: { effect: number; interval: [number, number]; pValue: number; significant: boolean } | null;
  /** Why no lift is given ("no_units", "zero_variance", …), when none is. */
  reason: string | null;
};

export type PersonalizationLift = {
  holdoutShare: number;
  alpha: number;
  holdout: { units: number; buyers: number; revenue: number };
  personalized: { units: number; buyers: number; revenue: number };
  /** Visitors seen both in and out of the holdout (a profile that merged two browsers), counted on their first decision's side. */
  mixed: number;
  conversionRate: LiftFigure;
  revenuePerVisitor: LiftFigure;
};

function figure(
  holdout: number | null,
  personalized: number | null,
  test: ReturnType<typeof welchTTest>,
  alpha: number,
): LiftFigure {
  if (!test.computable) return { holdout, personalized, lift: null, reason: test.reason };
  return {
    holdout,
    personalized,
    lift: {
      effect: test.effect,
      interval: test.interval,
      pValue: test.pValue,
      significant: test.pValue < alpha,
    },
    reason: null,
  };
}

/**
 * What personalization adds: the exposed visitors outside the global holdout against those in it (who were served
 * the defaults everywhere), on the conversion rate (the two-proportion test, `proportionTest`) and on revenue per
 * visitor (Welch's t on each visitor's revenue, `welchTTest`), both as the relative lift with its delta-method
 * interval (lib/stats/frequentist.ts, after gbstats). The holdout is the control. A fixed-horizon reading: it
 * assumes the range was chosen before looking.
 */
export function personalizationLift(input: {
  holdoutShare: number;
  holdout: LiftGroup;
  personalized: LiftGroup;
  mixed: number;
  alpha?: number;
}): PersonalizationLift {
  const alpha = input.alpha ?? 0.05;
  const { holdout: h, personalized: p } = input;
  const rate = (g: LiftGroup) => (g.units > 0 ? g.buyers / g.units : null);
  const perVisitor = (g: LiftGroup) => (g.units > 0 ? g.revenue.sum / g.units : null);
  return {
    holdoutShare: input.holdoutShare,
    alpha,
    holdout: { units: h.units, buyers: h.buyers, revenue: h.revenue.sum },
    personalized: { units: p.units, buyers: p.buyers, revenue: p.revenue.sum },
    mixed: input.mixed,
    conversionRate: figure(
      rate(h),
      rate(p),
      proportionTest({ n: h.units, conversions: h.buyers }, { n: p.units, conversions: p.buyers }, { alpha }),
      alpha,
    ),
    revenuePerVisitor: figure(
      perVisitor(h),
      perVisitor(p),
      welchTTest(h.revenue, p.revenue, { alpha, kind: "mean" }),
      alpha,
    ),
  };
}
