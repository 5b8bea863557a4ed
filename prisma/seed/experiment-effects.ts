/**
 * The true effects of the demo experiments (prisma/seed/experiments.ts), as
 * the generator applies them: what their results should find.
 *
 * The model. An account holder's checkout completes (an "Order Completed"
 * event, with the cart's value as `revenue`) with probability
 *
 *     0.70 × m₁ × m₂ × …
 *
 * where each mᵢ is the multiplier of the arm of an experiment the visitor was
 * first exposed to before that checkout (1 for experiments not yet seen, and
 * for visitors in the holdout, who are in none). Nothing else changes: who
 * comes, how often, what they browse and add to their carts do not depend on
 * the arm, so the checkouts after a first exposure are alike in every arm.
 *
 * - `home-hero-headline` (A/B): `control` 1, `free-shipping` 1.10 (+10 %).
 * - `cart-nudge-aa` (A/A): `a` 1, `b` 1 (no effect).
 * - `service-promises` (2 × 2): factor `bar` at `returns` ×1.08 (+8 %),
 *   factor `pdp` at `delivery` ×1.05 (+5 %), and both together an
 *   interaction of ×0.90 (−10 %): cells `sale.shipping` (control) 1,
 *   `sale.delivery` 1.05, `returns.shipping` 1.08, `returns.delivery`
 *   1.08 × 1.05 × 0.90 = 1.0206.
 *
 * What follows, per experiment: orders and revenue per exposed visitor after
 * their first exposure are, in expectation, exactly the multiplier times
 * control's (the arms of the other experiments are independent of this one's);
 * so is the share of post-exposure checkouts that complete. The share of
 * visitors who buy at least once (a conversion goal) rises by a little less
 * than the multiplier says, since a visitor with several checkouts often buys
 * in either arm (prisma/seed/README.md gives the figures measured on a large
 * simulation).
 */

/** Completion probability of an account holder's checkout, with no experiment's effect. */
export const PURCHASE_RATE = 0.7;

/** The 2 × 2 test's main effects (each factor's second level) and their interaction. */
export const FACTORIAL_EFFECTS = { bar: { returns: 1.08 }, pdp: { delivery: 1.05 }, interaction: 0.9 } as const;

/** Each demo experiment's multiplier per variation key (a multivariate test's cells: `<bar level>.<pdp level>`). */
export const TRUE_EFFECTS: Readonly<Record<string, Readonly<Record<string, number>>>> = {
  "home-hero-headline": { control: 1, "free-shipping": 1.1 },
  "cart-nudge-aa": { a: 1, b: 1 },
  "service-promises": {
    "sale.shipping": 1,
    "sale.delivery": FACTORIAL_EFFECTS.pdp.delivery,
    "returns.shipping": FACTORIAL_EFFECTS.bar.returns,
    "returns.delivery": FACTORIAL_EFFECTS.bar.returns * FACTORIAL_EFFECTS.pdp.delivery * FACTORIAL_EFFECTS.interaction,
  },
};

/** The multiplier of one arm (1 for an experiment or a variation the model does not name). */
export function armEffect(experimentKey: string, variationKey: string): number {
  return TRUE_EFFECTS[experimentKey]?.[variationKey] ?? 1;
}

/** The completion probability of a checkout made after first exposures to these arms. */
export function purchaseProbability(arms: Iterable<{ experimentKey: string; variationKey: string }>): number {
  let p = PURCHASE_RATE;
  for (const a of arms) p *= armEffect(a.experimentKey, a.variationKey);
  return Math.min(1, p);
}
