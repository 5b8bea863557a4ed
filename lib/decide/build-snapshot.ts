import { compileTemplate, type ContentType } from "@/lib/content/template";
import { compileRule } from "@/lib/segments/evaluate";
import type { RuleGroup, RuleNode } from "@/lib/segments/schema";
import type { SegmentRef } from "@/lib/segments/state";
import { dayStart } from "@/lib/segments/values";
import { DAY_MS } from "@/lib/time";
import { buildExperiments, type ExperimentConfig } from "./build-experiments";
import type { Snapshot, SnapshotExperience, SnapshotPlacement, SnapshotVariant } from "./types";

/** The configuration rows a snapshot is built from (loaded by lib/decide/db/load-config.ts). */
export type SnapshotConfig = {
  workspaceId: string;
  version: number;
  segments: { id: string; name: string; kind: "dynamic" | "static"; rule: RuleGroup }[];
  placements: {
    id: string;
    key: string;
    name: string;
    contentType: ContentType;
    killSwitch: boolean;
    experiences: {
      id: string;
      name: string;
      priority: number;
      isDefault: boolean;
      status: "draft" | "live" | "paused";
      segmentId: string | null;
      rule: RuleGroup | null;
      startsAt: Date | null;
      endsAt: Date | null;
      /** Its variants, in the order they were made. */
      variants: { id: string; name: string; body: string }[];
    }[];
  }[];
  /** Experiments that are not drafts (the builder keeps those that serve something). */
  experiments: ExperimentConfig[];
  /** The workspace's global holdout, 0..0.5. */
  holdoutShare: number;
};

const isNonEmpty = <T>(list: T[]): list is [T, ...T[]] => list.length > 0;

/** History a request loads at most, whatever the rules say ("ever" windows read this much). */
export const MAX_HISTORY_DAYS = 365;

/** The rule an experience targets: its saved segment, or its inline rule. */
export function experienceRule(e: { segmentId: string | null; rule: RuleGroup | null }): RuleGroup {
  if (e.segmentId)
    return {
      type: "group",
      id: "target",
      combinator: "and",
      children: [{ type: "segment", id: "target-segment", segmentId: e.segmentId, op: "in" }],
    };
  return e.rule ?? { type: "group", id: "target", combinator: "and", children: [] };
}

/** How many days back a rule looks, following the segments it refers to. */
function lookback(node: RuleNode, segments: ReadonlyMap<string, SegmentRef>, now: number, seen: string[] = []): number {
  if (node.type === "group") return Math.max(0, ...node.children.map((c) => lookback(c, segments, now, seen)));
  if (node.type === "behavior" || node.type === "aggregate") {
    const w = node.window;
    if (w.kind === "last_days") return w.days;
    if (w.kind === "between") return Math.ceil((now - dayStart(w.from)) / DAY_MS);
    return MAX_HISTORY_DAYS;
  }
  if (node.type === "segment") {
    const target = segments.get(node.segmentId);
    if (!target || target.kind === "static" || seen.includes(node.segmentId)) return 0;
    return lookback(target.rule, segments, now, [...seen, node.segmentId]);
  }
  return 0;
}

/**
 * Compiles a workspace's configuration for deciding: rules compiled for
 * `evaluate`, templates parsed once, live experiences in priority order.
 * Drafts and paused experiences are left out (their variants stay available to experiments' arms); a variant whose template does
 * not compile (refused at save, so only from older data) is left out too, and
 * an experience left without variants with it.
 */
export function buildSnapshot(config: SnapshotConfig, now = Date.now()): Snapshot {
  const segments = new Map(config.segments.map((s) => [s.id, { kind: s.kind, rule: s.rule, name: s.name }]));
  let historyDays = 0;
  const variantOf = (
    v: { id: string; name: string; body: string } | undefined,
    contentType: ContentType,
  ): SnapshotVariant | null => {
    if (!v) return null;
    const compiled = compileTemplate(v.body, contentType);
    return compiled.ok ? { id: v.id, name: v.name, template: compiled.template } : null;
  };
  const placements = new Map<string, SnapshotPlacement>();
  for (const p of config.placements) {
    const experiences: SnapshotExperience[] = [];
    let fallback: SnapshotVariant | null = null;
    for (const e of [...p.experiences].sort((a, b) => a.priority - b.priority || a.id.localeCompare(b.id))) {
      if (e.isDefault) {
        fallback ??= variantOf(e.variants[0], p.contentType);
        continue;
      }
      if (e.status !== "live") continue;
      const variants = e.variants.map((v) => variantOf(v, p.contentType)).filter((v) => v !== null);
      if (!isNonEmpty(variants)) continue;
      const rule = experienceRule(e);
      historyDays = Math.max(historyDays, lookback(rule, segments, now));
      experiences.push({
        id: e.id,
        name: e.name,
        segmentId: e.segmentId,
        rule,
        matches: compileRule(rule, segments),
        startsAt: e.startsAt?.getTime() ?? null,
        endsAt: e.endsAt?.getTime() ?? null,
        variants,
      });
    }
    placements.set(p.key, {
      id: p.id,
      key: p.key,
      name: p.name,
      contentType: p.contentType,
      killSwitch: p.killSwitch,
      experiences,
      fallback,
    });
  }
  const experiments = buildExperiments(config.experiments, segments, config.holdoutShare);
  // the variants experiments' arms serve, whichever experience (live or not) holds them
  const wanted = new Set<string>();
  for (const e of experiments.all.values()) {
    if (e.rule) historyDays = Math.max(historyDays, lookback(e.rule, segments, now));
    for (const arm of e.arms) for (const id of arm.variants.values()) if (id) wanted.add(id);
  }
  const variants = new Map<string, SnapshotVariant>();
  const variantExperiences = new Map<string, string>();
  for (const p of config.placements)
    for (const e of p.experiences)
      for (const v of e.variants) {
        if (!wanted.has(v.id)) continue;
        const compiled = variantOf(v, p.contentType);
        if (!compiled) continue;
        variants.set(v.id, compiled);
        variantExperiences.set(v.id, e.id);
      }
  return {
    workspaceId: config.workspaceId,
    version: config.version,
    builtAt: now,
    placements,
    segments,
    historyDays: Math.min(historyDays, MAX_HISTORY_DAYS),
    variants,
    variantExperiences,
    experiments,
  };
}
