"use client";

import { Badge } from "@/components/ui/badge";
import { experimentInputSchema } from "@/lib/experiments/schema";
import type { RecentTraffic } from "@/lib/experiments/db/get-recent-traffic";
import { DurationEstimate } from "./duration-estimate";
import { reviewSentences } from "./review-sentences";
import type { StepProps } from "./step-props";
import { STEPS, stepOfField, toExperimentInput } from "./wizard-input";

/** Step 6: the whole experiment in words, what still needs attention, and how long it would take. */
export function StepReview(props: StepProps & { traffic: RecentTraffic | null; holdoutShare: number }) {
  const { state, options, errors, traffic, holdoutShare } = props;
  const { input, errors: local } = toExperimentInput(state);
  const parsed = experimentInputSchema.safeParse(input);
  const problems = [
    ...Object.entries(local).map(([path, messages]) => ({ path, message: messages.join(" ") })),
    ...(parsed.success ? [] : parsed.error.issues.map((i) => ({ path: i.path.join("."), message: i.message }))),
  ];
  const formErrors = Object.entries(errors).filter(([path]) => stepOfField(path) === "review");
  const sentences = reviewSentences(state, options, holdoutShare);
  const placementIds =
    state.type === "ab"
      ? [state.placementId]
      : state.type === "multivariate"
        ? state.factors.map((f) => f.placementId)
        : [];
  const arms =
    state.type === "multivariate" ? state.factors.reduce((n, f) => n * f.levels.length, 1) : state.arms.length;
  const primary = state.goals.find((g) => g.role === "primary");
  return (
    <div className="space-y-6" data-testid="wizard-review">
      <div>
        <h2 className="text-sm font-semibold text-gray-900">Review</h2>
        <dl className="mt-3 divide-y divide-gray-100 rounded-md border border-gray-200">
          {sentences.map((s) => (
            <div key={s.label} className="grid gap-1 px-3 py-2 text-sm sm:grid-cols-[9rem_minmax(0,1fr)]">
              <dt className="font-medium text-gray-500">{s.label}</dt>
              <dd className="text-gray-900">{s.text}</dd>
            </div>
          ))}
        </dl>
      </div>
      {(problems.length > 0 || formErrors.length > 0) && (
        <div role="alert" className="rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900">
          <p className="font-medium">Before saving</p>
          <ul className="mt-1 list-disc space-y-0.5 pl-5">
            {problems.map((p, i) => (
              <li key={`p${i}`}>
                <Badge tone="warning" className="mr-1">
                  {STEPS.find((s) => s.id === stepOfField(p.path))?.label}
                </Badge>
                {p.message}
              </li>
            ))}
            {formErrors.map(([path, messages]) => (
              <li key={path}>{messages.join(" ")}</li>
            ))}
          </ul>
        </div>
      )}
      <DurationEstimate
        traffic={traffic}
        placementIds={placementIds.filter(Boolean)}
        placementNames={placementIds
          .map((id) => options.placements.find((p) => p.id === id)?.name)
          .filter((n): n is string => !!n)}
        holdoutShare={holdoutShare}
        coverage={state.coverage / 100}
        layerShare={state.layerId ? state.layerShare / 100 : 1}
        arms={arms}
        primary={primary ? (options.goals.find((g) => g.id === primary.goalId) ?? null) : null}
      />
    </div>
  );
}
