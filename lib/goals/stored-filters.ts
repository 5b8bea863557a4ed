import { goalFiltersSchema } from "@/lib/experiments/schema";
import type { PropertyFilter } from "@/lib/segments/schema";

/**
 * A goal's `filters` column as property filters. Rows are written through
 * `goalInputSchema`; one that no longer parses (written by hand, or under an
 * older schema) reads as no filters rather than breaking the page.
 */
export function storedGoalFilters(json: unknown): PropertyFilter[] {
  const parsed = goalFiltersSchema.safeParse(json);
  return parsed.success ? parsed.data : [];
}
