"use client";

import { useQueryClient } from "@tanstack/react-query";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useCallback, useEffect, useMemo } from "react";
import { useAction } from "@/components/actions/use-action";
import { cn } from "@/components/ui/cn";
import { setExperimentEngine } from "@/lib/results/actions";
import { primaryOf } from "@/lib/results/recommend";
import type { Engine } from "@/lib/results/types";
import { BanditCard } from "./bandit-card";
import { DimensionCard } from "./dimension-card";
import { FactorialCard } from "./factorial-card";
import { ENGINE_LABELS } from "./labels";
import { MetricCard } from "./metric-card";
import { RecommendationCard } from "./recommendation-card";
import { ResultsBanners } from "./results-banners";
import { ResultsControls, type ControlChanges } from "./results-controls";
import { readResultsParams, withParams } from "./url-state";
import { resultsQueryKey, useResults } from "./use-results";

type Variation = { id: string; key: string; name: string };

const clock = (iso: string) => `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;

/**
 * The results page under its header: the controls (in the URL, so a link
 * shows the same view), the recommendation, the warnings, a card per metric,
 * the breakdown, and a multivariate test's factors or a bandit's weights.
 */
export function ResultsView({
  workspaceId,
  experimentId,
  experimentKey,
  status,
  winnerVariationId,
  variations,
  canEdit,
  segments,
  phases,
  defaultEngine: pageDefaultEngine,
}: {
  workspaceId: string;
  experimentId: string;
  experimentKey: string;
  /** The status the page was rendered with: when the results say otherwise, the page is read again. */
  status: string;
  winnerVariationId: string | null;
  variations: Variation[];
  canEdit: boolean;
  segments: { id: string; name: string }[];
  phases: number[];
  /** The experiment's engine (its own, or the workspace's) as the page was rendered. */
  defaultEngine: Engine;
}) {
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const queryClient = useQueryClient();
  const state = useMemo(() => readResultsParams(params), [params]);
  const results = useResults(workspaceId, experimentId, state.query);
  const data = results.data;
  const names = useMemo(() => new Map(variations.map((v) => [v.id, v.name])), [variations]);

  const change = useCallback(
    (changes: ControlChanges) => {
      const qs = withParams(params, changes);
      router.replace(qs ? `${pathname}?${qs}` : pathname, { scroll: false });
    },
    [params, pathname, router],
  );
  const refreshAll = useCallback(() => {
    void queryClient.invalidateQueries({ queryKey: resultsQueryKey(workspaceId, experimentId) });
    router.refresh();
  }, [queryClient, router, workspaceId, experimentId]);

  const makeDefault = useAction(setExperimentEngine, {
    success: (d) => `${d.engine ? ENGINE_LABELS[d.engine] : "The workspace's engine"} is now this experiment's default`,
    onSuccess: () => {
      change({ engine: null });
      refreshAll();
    },
  });

  useEffect(() => {
    if (data && data.status !== status) router.refresh();
  }, [data, status, router]);

  const defaultEngine = data?.defaultEngine ?? pageDefaultEngine;
  const engine: Engine = data?.bandit ? "bayesian" : ((state.query.engine as Engine | undefined) ?? defaultEngine);
  const rolledOut =
    (data?.status ?? status) === "stopped" && winnerVariationId
      ? { id: winnerVariationId, name: names.get(winnerVariationId) ?? "The winner" }
      : null;
  const primary = data ? primaryOf(data.metrics) : undefined;

  return (
    <div className="space-y-6">
      {data ? (
        <RecommendationCard
          recommendation={data.recommendation}
          workspaceId={workspaceId}
          experimentId={experimentId}
          canEdit={canEdit}
          status={data.status}
          rolledOut={rolledOut}
          names={names}
          onRolledOut={refreshAll}
        />
      ) : null}
      {data && <ResultsBanners results={data} names={names} />}
      <ResultsControls
        state={state}
        engine={engine}
        defaultEngine={defaultEngine}
        bandit={data?.bandit ?? false}
        canEdit={canEdit}
        segments={segments}
        phases={phases}
        serverErrors={results.error?.fieldErrors ?? {}}
        onChange={change}
        onMakeDefault={(e) => void makeDefault.run({ workspaceId, experimentId, engine: e })}
        makingDefault={makeDefault.pending}
        ownEngine={data?.experimentEngine ?? null}
        workspaceEngine={data?.workspaceEngine ?? null}
      />
      <p className="text-xs text-gray-500" aria-live="polite" data-testid="results-status">
        {results.isPending ? (
          "Computing results…"
        ) : results.isError && !data ? (
          <span role="alert" className="text-sm font-medium text-red-700">
            Could not compute the results: {results.error.message}
          </span>
        ) : results.isPlaceholderData ? (
          "Updating…"
        ) : data ? (
          <>
            Phase {data.phase} · computed {clock(data.computedAt)} · read {ENGINE_LABELS[data.settings.engine]}
            {results.isError && <span className="ml-2 text-red-600">Could not refresh: {results.error.message}</span>}
          </>
        ) : null}
      </p>
      {data && (
        <div className={cn("space-y-6 transition-opacity", results.isPlaceholderData && "opacity-60")}>
          {data.metrics.length === 0 ? (
            <p className="rounded-lg border border-dashed border-gray-300 px-6 py-10 text-center text-sm text-gray-500">
              This experiment has no goal: add one (edit the experiment) to measure it.
            </p>
          ) : (
            data.metrics.map((m) => (
              <MetricCard key={m.goalId} metric={m} settings={data.settings} experimentKey={experimentKey} />
            ))
          )}
          {data.dimension && (
            <DimensionCard dimension={data.dimension} settings={data.settings} experimentKey={experimentKey} />
          )}
          {data.factorial && (
            <FactorialCard
              factorial={data.factorial}
              kind={data.metrics.find((m) => m.name === data.factorial!.metric)?.kind ?? primary?.kind}
              alpha={data.settings.alpha}
              experimentKey={experimentKey}
            />
          )}
          {data.banditSummary && (
            <BanditCard summary={data.banditSummary} variations={variations} experimentKey={experimentKey} />
          )}
        </div>
      )}
    </div>
  );
}
