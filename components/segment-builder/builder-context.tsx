"use client";

import { createContext, useContext } from "react";
import type { RuleGroup } from "@/lib/segments/schema";
import type { SegmentCatalog } from "./catalog";
import type { Issue } from "./issues";

/** What every editor of the tree needs, handed down once instead of through each level. */
export type BuilderContextValue = {
  catalog: SegmentCatalog;
  segments: readonly { id: string; name: string }[];
  issues: readonly Issue[];
  /** Segment names by id, for condition sentences. */
  segmentNames: ReadonlyMap<string, string>;
  /** Conditions in the whole rule, to stop adding at the schema's limit. */
  conditionCount: number;
  /** Applies a pure tree operation (see tree-ops.ts) to the current rule and reports the result. */
  apply: (operation: (root: RuleGroup) => RuleGroup) => void;
};

export const BuilderContext = createContext<BuilderContextValue | null>(null);

export function useBuilder(): BuilderContextValue {
  const context = useContext(BuilderContext);
  if (!context) throw new Error("useBuilder must be used inside <SegmentBuilder>");
  return context;
}
