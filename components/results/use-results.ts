"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { LoadedResults } from "@/lib/results/db/load-results";
import { experimentResults } from "@/lib/results/actions";
import type { ResultsQuery } from "@/lib/results/schema";

/** Results are computed on every read; this often is enough for a page left open. */
export const RESULTS_POLL_MS = 60_000;

/** A refusal of the results query, with the fields it names (a segment that does not exist). */
export class ResultsQueryError extends Error {
  constructor(
    message: string,
    readonly fieldErrors: Record<string, string[]>,
  ) {
    super(message);
    this.name = "ResultsQueryError";
  }
}

export const resultsQueryKey = (workspaceId: string, experimentId: string) => [
  "experiment-results",
  workspaceId,
  experimentId,
];

/**
 * An experiment's results for the reader's choices, read again every minute; the last answer stays while the next
 * loads. Not read at all while `enabled` is false (a dialog not yet open).
 */
export function useResults(workspaceId: string, experimentId: string, query: ResultsQuery, enabled = true) {
  return useQuery<LoadedResults, ResultsQueryError>({
    enabled,
    queryKey: [...resultsQueryKey(workspaceId, experimentId), query],
    queryFn: async () => {
      const result = await experimentResults({ workspaceId, experimentId, ...query });
      if (!result.ok) throw new ResultsQueryError(result.error.message, result.error.fieldErrors ?? {});
      return result.data;
    },
    placeholderData: keepPreviousData,
    refetchInterval: RESULTS_POLL_MS,
    retry: (count, error) => Object.keys(error.fieldErrors).length === 0 && count < 2,
  });
}
