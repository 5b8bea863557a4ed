import type { CompiledTemplate, ContentType } from "@/lib/content/template";
import type { CompiledRule } from "@/lib/segments/evaluate";
import type { RuleGroup } from "@/lib/segments/schema";
import type { ProfileState, SegmentRef, VisitContext } from "@/lib/segments/state";
import type { StoredAssignment, UnitIds } from "@/lib/experiments/enroll";
import type { SnapshotExperiments } from "@/lib/experiments/snapshot";

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
  /** Its content variants, in the order they were made (never empty); the first is served unless an experiment splits it. */
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
  /** Every content variant an experiment's arm serves, by id (compiled once). */
  variants: ReadonlyMap<string, SnapshotVariant>;
  /** The experience each of those variants belongs to. */
  variantExperiences: ReadonlyMap<string, string>;
  /** Running, paused and rolled-out experiments, and the holdout. */
  experiments: SnapshotExperiments;
};

/** What the request knows of the visitor: a stored profile (or none yet), and consent. */
export type VisitorState = {
  profileId: string | null;
  profile: ProfileState | null;
  /** Personalization consent: false only when refused (no statement counts as yes). */
  personalization: boolean;
  /** Its stored experiment assignments (of every unit id of its profile, and of the request's ids). */
  assignments: readonly StoredAssignment[];
};

export type DecideRequest = {
  placements: readonly string[];
  /** Flag experiments the storefront code asks for, by key (content experiments come with their placements). */
  experiments?: readonly string[];
  /** The ids experiments bucket by (a user id only once verified). */
  ids: UnitIds;
  /** A marketer's preview link: this experiment's variation is shown wherever the experiment decides (nothing is recorded). */
  forced?: { experimentId: string; variationId: string } | null;
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
  /**
   * Why this content: `experience` (its rule matched), `experiment` (an experiment's arm), `default` (none
   * matched), `kill_switch`, `no_consent`, `holdout` (the visitor is in the global holdout).
   */
  reason: "experience" | "experiment" | "default" | "kill_switch" | "no_consent" | "holdout";
  /** The experiment and variation that chose it (reason `experiment`), else null. */
  experimentId: string | null;
  variationId: string | null;
};

/** An experiment as a decision answers it: the variation served, and whether the visitor is in the experiment. */
export type ExperimentDecision = {
  experimentId: string;
  variationId: string;
  /** The variation's key, and a flag's value (null for content experiments). */
  variation: string;
  value: unknown;
  /** False when served without enrolling (paused: the control; rolled out: the winner; not eligible: the control). */
  inExperiment: boolean;
};

/** An enrolled unit's exposure to an experiment, for the exposure log and (when `hashed`) its first assignment. */
export type ExperimentExposure = {
  experimentId: string;
  variationId: string;
  unitId: string;
  phase: number;
  hashed: boolean;
};

export type DecideResult = {
  decisions: Record<string, Decision>;
  /** Requested keys with no placement in the workspace (reported, not fatal). */
  unknownPlacements: string[];
  /** Placements that exist but have nothing to serve (no matching experience and no default). */
  empty: string[];
  /** Experiments that decided something of this answer, by key. */
  experiments: Record<string, ExperimentDecision>;
  /** What the exposure log records: every enrolled experiment that served this answer. */
  exposures: ExperimentExposure[];
  /** The visitor is in the global holdout. */
  holdout: boolean;
};
