import type { CompiledTemplate, ContentType } from "@/lib/content/template";
import type { CompiledRule } from "@/lib/segments/evaluate";
import type { RuleGroup } from "@/lib/segments/schema";
import type { ProfileState, SegmentRef, VisitContext } from "@/lib/segments/state";

/** Content a placement can serve (a content variant, not an experiment's variation): a compiled template. */
export type SnapshotVariant = { id: string; name: string; template: CompiledTemplate };

/** A live experience of a placement, ready to decide. */
export type SnapshotExperience = {
  id: string;
  name: string;
  /** The saved segment it targets (null: an inline rule). */
  segmentId: string | null;
  /** The rule as written (for "why"), and compiled. */
  rule: RuleGroup;
  matches: CompiledRule;
  /** Instants (ms) between which it is served; null = open. */
  startsAt: number | null;
  endsAt: number | null;
  /** Its content variants, in the order they were made (never empty); the first is served (experiments choose among them). */
  variants: readonly [SnapshotVariant, ...SnapshotVariant[]];
};

export type SnapshotPlacement = {
  id: string;
  key: string;
  name: string;
  contentType: ContentType;
  killSwitch: boolean;
  /** Live experiences in priority order: the first that matches wins. */
  experiences: SnapshotExperience[];
  /** The fallback; null when the placement has none (then nothing is served). */
  fallback: SnapshotVariant | null;
};

/**
 * One workspace's decision configuration, built once and kept in memory by
 * every server process; `version` is the workspace's config version it was
 * built from.
 */
export type Snapshot = {
  workspaceId: string;
  version: number;
  builtAt: number;
  placements: ReadonlyMap<string, SnapshotPlacement>;
  segments: ReadonlyMap<string, SegmentRef & { name: string }>;
  /** Days of events the live rules can look at: how much history a request loads for a visitor. */
  historyDays: number;
};

/** What the request knows of the visitor: a stored profile (or none yet), and consent. */
export type VisitorState = {
  profileId: string | null;
  profile: ProfileState | null;
  /** Personalization consent: false only when refused (no statement counts as yes). */
  personalization: boolean;
};

export type DecideRequest = {
  placements: readonly string[];
  context: VisitContext;
  /** Traits sent with the request, laid over the stored ones for this decision. */
  traits?: Record<string, unknown>;
  now: number;
};

/** What one placement shows a visitor, with what the exposure log records of it. */
export type Decision = {
  /** The placement decided (the exposure log's id of it; the answer keys decisions by placement key instead). */
  placementId: string;
  variantId: string;
  experienceId: string | null;
  content: string;
  contentType: ContentType;
  /** Why this content: `experience` (its rule matched), `default` (none matched), `kill_switch`, `no_consent`. */
  reason: "experience" | "default" | "kill_switch" | "no_consent";
};

export type DecideResult = {
  decisions: Record<string, Decision>;
  /** Requested keys with no placement in the workspace (reported, not fatal). */
  unknownPlacements: string[];
  /** Placements that exist but have nothing to serve (no matching experience and no default). */
  empty: string[];
};
