"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { z } from "zod";
import { overview } from "@/lib/analytics/actions";
import type { Overview } from "@/lib/analytics/overview";
import type { rangeInputSchema } from "@/lib/analytics/range";

/** The overview is read again this often while the page is open. */
export const OVERVIEW_POLL_MS = 60_000;

/** The overview for a range, refreshed every minute; the last answer stays while the next loads. */
export function useOverview(workspaceId: string, input: z.output<typeof rangeInputSchema>) {
  return useQuery<Overview, Error>({
    queryKey: ["overview", workspaceId, input],
    queryFn: async () => {
      const result = await overview({ workspaceId, ...input });
      if (!result.ok) throw new Error(result.error.message);
      return result.data;
    },
    placeholderData: keepPreviousData,
    refetchInterval: OVERVIEW_POLL_MS,
  });
}
