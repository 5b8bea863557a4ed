"use client";

import { useState } from "react";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import type { RecentTraffic } from "@/lib/experiments/db/get-recent-traffic";
import { formatInteger } from "@/lib/format";
import { durationEstimate } from "./estimate";
import { percent } from "./labels";

type Props = {
  traffic: RecentTraffic | null;
  placementIds: string[];
  placementNames: string[];
  holdoutShare: number;
  coverage: number;
  layerShare: number;
  arms: number;
  primary: { id: string; name: string; eventName: string } | null;
};

const number = (text: string) => Number(text.replace(",", "."));

/**
 * How long the test would take at the last two weeks' traffic: the baseline
 * is the primary goal's conversion rate over that period (editable), the
 * lift to detect is chosen (10 % unless changed).
 */
export function DurationEstimate(props: Props) {
  const { traffic, primary } = props;
  const [mde, setMde] = useState("10");
  const measured = primary && traffic ? (traffic.goalRates[primary.id]?.rate ?? null) : null;
  const [baselineText, setBaselineText] = useState<string | null>(null);
  const shownBaseline = baselineText ?? (measured !== null ? String(Math.round(measured * 10000) / 100) : "");
  const baseline = shownBaseline === "" ? null : number(shownBaseline) / 100;
  const estimate = durationEstimate({
    traffic,
    placementIds: props.placementIds,
    holdoutShare: props.holdoutShare,
    coverage: props.coverage,
    layerShare: props.layerShare,
    arms: props.arms,
    baseline: baseline !== null && Number.isFinite(baseline) ? baseline : null,
    mde: number(mde) / 100,
  });
  const perDay = estimate.dailyVisitors === null ? null : estimate.dailyVisitors * estimate.entering;
  return (
    <section aria-labelledby="duration-title" className="space-y-3 rounded-md border border-gray-200 p-3">
      <h3 id="duration-title" className="text-sm font-semibold text-gray-900">
        Duration estimate
      </h3>
      <div className="grid max-w-md grid-cols-2 gap-3">
        <Field label="Minimum detectable effect (%)" hint="The relative lift to detect">
          <Input inputMode="decimal" value={mde} onChange={(e) => setMde(e.target.value)} className="w-24" />
        </Field>
        <Field
          label="Baseline conversion (%)"
          hint={
            primary
              ? measured !== null
                ? `“${primary.eventName}” among visitors, last ${traffic!.days} days`
                : "Not measured: type it"
              : "Choose a primary goal, or type it"
          }
        >
          <Input
            inputMode="decimal"
            value={shownBaseline}
            onChange={(e) => setBaselineText(e.target.value)}
            className="w-24"
          />
        </Field>
      </div>
      <ul className="space-y-1 text-sm text-gray-700" data-testid="duration-estimate">
        <li>
          {traffic === null
            ? "Recent traffic could not be measured in time."
            : estimate.dailyVisitors === 0
              ? `No visitors in the last ${traffic.days} days.`
              : `About ${formatInteger(Math.round(estimate.dailyVisitors ?? 0))} visitors a day in the last ${traffic.days} days${
                  estimate.cappedByPlacement ? ` saw ${props.placementNames.join(" or ")}` : ""
                }; ${percent(estimate.entering)} of them would enter (coverage, layer share, holdout) — about ${formatInteger(
                  Math.round(perDay ?? 0),
                )} units a day, before targeting.`}
        </li>
        <li>
          {estimate.unitsPerArm === null
            ? "Give a baseline between 0 and 100 % and a lift to size the test."
            : `${formatInteger(estimate.unitsPerArm)} units per arm (${formatInteger(
                estimate.unitsPerArm * props.arms,
              )} for ${props.arms} arms) to detect a ${mde} % lift at 95 % confidence and 80 % power.`}
        </li>
        <li className="font-medium text-gray-900" data-testid="duration-days">
          {estimate.days === null
            ? "No duration: it needs a baseline, traffic and a coverage above 0."
            : `About ${formatInteger(estimate.days)} ${estimate.days === 1 ? "day" : "days"}${
                estimate.days > 56 ? " — consider a larger lift, more coverage or fewer arms" : ""
              }.`}
        </li>
      </ul>
    </section>
  );
}
