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
 * - `service-promises` (2 × 2, shown to shoppers with something in their
 *   cart): factor `bar` at `returns` ×1.28 (+28 %), factor `pdp` at
 *   `delivery` ×1.25 (+25 %), and both together an interaction of ×0.42:
 *   cells `sale.shipping` (control) 1, `sale.delivery` 1.25,
 *   `returns.shipping` 1.28, `returns.delivery` 1.28 × 1.25 × 0.42 = 0.672
 *   (−32.8 %). Each promise answers a doubt that stops a checkout; both at
 *   once crowd the page and read like a hard sell, so the pair does worse
 *   than neither. The interaction is this strong because at the default
 *   demo's size (about 140 units a cell) a weaker one would mostly go
 *   undetected (README.md, "True effects", gives the power).
 *
 * The largest product a visitor can meet, 0.70 × 1.10 × 1.28 = 0.986
 * (`free-shipping` and `returns.shipping`; the A/A test's arms are 1), is
 * below 1: `purchaseProbability`'s cap never binds.
 *
 * What follows, per experiment: orders and revenue per exposed visitor after
 * their first exposure are, in expectation, exactly the multiplier times
 * control's (the arms of the other experiments are independent of this one's);
 * so is the share of post-exposure checkouts that complete. The share of
 * visitors who buy at least once (a conversion goal) moves by a little less
 * than the multiplier says, since a visitor with several checkouts often buys
 * in either arm (prisma/seed/README.md gives the figures expected on the
 * default demo).
 */

/** Completion probability of an account holder's checkout, with no experiment's effect. */
export const PURCHASE_RATE = 0.7;

/** The 2 × 2 test's main effects (each factor's second level) and their interaction. */
export const FACTORIAL_EFFECTS = { bar: { returns: 1.28 }, pdp: { delivery: 1.25 }, interaction: 0.42 } as const;

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
