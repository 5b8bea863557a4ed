import type { ReactNode } from "react";
import { cn } from "@/components/ui/cn";
import { formatInteger } from "@/lib/format";
import type { ExperimentResults } from "@/lib/results/types";
import { formatPValue } from "./format-effect";

const TONES = {
  danger: "border-red-200 bg-red-50 text-red-900",
  warning: "border-amber-200 bg-amber-50 text-amber-900",
  info: "border-accent-200 bg-accent-50 text-accent-800",
  success: "border-green-200 bg-green-50 text-green-900",
} as const;

export function Banner({
  tone,
  title,
  children,
  testId,
}: {
  tone: keyof typeof TONES;
  title: string;
  children?: ReactNode;
  testId?: string;
}) {
  return (
    <div
      role={tone === "danger" ? "alert" : "status"}
      data-testid={testId}
      className={cn("rounded-lg border px-4 py-3 text-sm", TONES[tone])}
    >
      <p className="font-semibold">{title}</p>
      {children && <div className="mt-1">{children}</div>}
    </div>
  );
}

const pct = (x: number) => `${Math.round(x * 1000) / 10} %`;

/** What a reader must know before trusting the numbers: a sample ratio mismatch, profiles in several arms, a bandit. */
export function ResultsBanners({
  results,
  names,
}: {
  results: ExperimentResults;
  /** Variation id → name. */
  names: Map<string, string>;
}) {
  const total = results.traffic.reduce((s, t) => s + t.units, 0);
  return (
    <>
      {results.srm?.flagged && (
        <Banner
          tone="danger"
          title="Sample ratio mismatch: the traffic split does not match the weights"
          testId="srm-banner"
        >
          <p>
            A split this far off happens by chance with p = {formatPValue(results.srm.pValue)}: something in the setup
            (a redirect, a cache, a filter) treats the variations differently, so no result below can be trusted.
          </p>
          <ul className="mt-1.5 list-disc pl-5">
            {results.traffic.map((t) => (
              <li key={t.variationId}>
                {names.get(t.variationId) ?? t.variationId}: {formatInteger(t.units)} units (
                {total > 0 ? pct(t.units / total) : "—"}, expected {pct(t.expectedShare)})
              </li>
            ))}
          </ul>
        </Banner>
      )}
      {results.multipleExposures > 0 && (
        <Banner
          tone="warning"
          title={`${formatInteger(results.multipleExposures)} ${results.multipleExposures === 1 ? "profile was" : "profiles were"} seen in more than one variation`}
          testId="multiple-exposures-banner"
        >
          They are left out of every metric. A few happen when visitors sign in on a second device; many point to an
          assignment that is not sticky.
        </Banner>
      )}
      {results.bandit && (
        <Banner tone="info" title="Bandit" testId="bandit-banner">
          Bandit: weights move with the data, so results are Bayesian; no fixed-horizon p-values.
        </Banner>
      )}
    </>
  );
}
