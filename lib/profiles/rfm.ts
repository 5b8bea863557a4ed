/** RFM scores of one buyer: 1–5 quintiles within the workspace (5 = most recent, most orders, most revenue). */
export type RfmScores = { recency: number; frequency: number; monetary: number };
export type RfmSegment = { label: string; description: string };

/**
 * A plain-words name for a buyer's scores, from recency and the mean of
 * frequency and monetary (the usual two-axis RFM grid, kept to seven cells
 * so each label says something true of the scores).
 */
export function rfmSegment({ recency: r, frequency, monetary }: RfmScores): RfmSegment {
  const value = (frequency + monetary) / 2;
  if (r >= 4 && value >= 4)
    return { label: "Champion", description: "Bought recently, buys often and spends the most" };
  if (r >= 3 && value >= 3) return { label: "Loyal", description: "Buys regularly and spends above most buyers" };
  if (r >= 4) return { label: "Promising", description: "Bought recently, but has not bought much yet" };
  if (value >= 4)
    return { label: "At risk, high value", description: "Used to buy often and spend a lot, but not lately" };
  if (value >= 3) return { label: "At risk", description: "Bought regularly, but not lately" };
  if (r === 3) return { label: "Needs attention", description: "Average recency, low frequency and spend" };
  return { label: "Hibernating", description: "Last bought long ago, rarely and for little" };
}

/** The scores of a profile's three columns, or null when it has none (no order, or not scored yet). */
export function rfmScoresOf(p: {
  rfmRecency: number | null;
  rfmFrequency: number | null;
  rfmMonetary: number | null;
}): RfmScores | null {
  if (p.rfmRecency === null || p.rfmFrequency === null || p.rfmMonetary === null) return null;
  return { recency: p.rfmRecency, frequency: p.rfmFrequency, monetary: p.rfmMonetary };
}
