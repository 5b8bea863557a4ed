import { Stat } from "@/components/ui/stat";
import { formatDate, formatInteger, formatMoney } from "@/lib/format";
import { rfmScoresOf, rfmSegment } from "@/lib/profiles/rfm";
import { profileFigures } from "@/lib/profiles/summary";

type Props = {
  profile: {
    sessions: number;
    eventCount: number;
    orders: number;
    revenue: number;
    lastOrderAt: Date | null;
    rfmRecency: number | null;
    rfmFrequency: number | null;
    rfmMonetary: number | null;
    rfmComputedAt: Date | null;
  };
  now: Date;
};

/** The computed values of a profile as KPI cards, with RFM in plain words. */
export function ProfileStats({ profile, now }: Props) {
  const { averageOrderValue, daysSinceLastOrder } = profileFigures(profile, now);
  const scores = rfmScoresOf(profile);
  const segment = scores ? rfmSegment(scores) : null;
  const days = daysSinceLastOrder === null ? "—" : formatInteger(daysSinceLastOrder);
  return (
    <div className="grid grid-cols-2 gap-4 md:grid-cols-4">
      <Stat label="Sessions" value={formatInteger(profile.sessions)} hint="30 minutes of inactivity end one" />
      <Stat label="Events" value={formatInteger(profile.eventCount)} />
      <Stat label="Orders" value={formatInteger(profile.orders)} />
      <Stat label="Revenue" value={formatMoney(profile.revenue)} />
      <Stat
        label="Average order value"
        value={averageOrderValue === null ? "—" : formatMoney(averageOrderValue)}
        hint={averageOrderValue === null ? "no order yet" : "revenue ÷ orders"}
      />
      <Stat
        label="Days since last purchase"
        value={days}
        hint={profile.lastOrderAt ? `last order ${formatDate(profile.lastOrderAt)}` : "no order yet"}
      />
      <Stat
        label="RFM"
        className="col-span-2"
        value={
          scores ? (
            <span aria-label={`Recency ${scores.recency}, frequency ${scores.frequency}, monetary ${scores.monetary}`}>
              R{scores.recency} F{scores.frequency} M{scores.monetary}
            </span>
          ) : (
            "—"
          )
        }
        hint={
          segment
            ? `${segment.label}: ${segment.description.toLowerCase()} (1–5 among this store's buyers${profile.rfmComputedAt ? `, scored ${formatDate(profile.rfmComputedAt)}` : ""})`
            : profile.orders > 0
              ? "Not scored yet"
              : "Scored once the profile has an order"
        }
      />
    </div>
  );
}
