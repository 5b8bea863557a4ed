// A large decision configuration from a seeded generator (the same on every
// run): 50 segments (a third with behavior conditions) and 20 placements with
// 3–5 experiences each, plus visitors to decide for.
import type { ExperimentConfig } from "@/lib/decide/build-experiments";
import type { SnapshotConfig } from "@/lib/decide/build-snapshot";
import type { Condition, RuleGroup } from "@/lib/segments/schema";
import type { ProfileState } from "@/lib/segments/state";

const DAY = 86_400_000;
const COUNTRIES = ["US", "DE", "GB", "FR", "NL", "ES"];
const CATEGORIES = ["shoes", "apparel", "bags", "outdoor", "beauty", "home"];

export function random(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function benchConfig(now: number, seed = 11, withExperiments = false): SnapshotConfig {
  const r = random(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(r() * list.length)]!;
  const int = (lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));
  const group = (children: Condition[]): RuleGroup => ({ type: "group", id: "root", combinator: "and", children });
  const traitOrComputed = (): Condition =>
    pick<() => Condition>([
      () => ({
        type: "trait",
        id: "t",
        key: "country",
        valueType: "string",
        op: "in",
        values: [pick(COUNTRIES), pick(COUNTRIES)],
      }),
      () => ({
        type: "trait",
        id: "t",
        key: "loyalty_tier",
        valueType: "string",
        op: "equals",
        value: pick(["bronze", "silver", "gold"]),
      }),
      () => ({ type: "computed", id: "c", field: "orders", op: "gte", value: int(1, 5) }),
      () => ({ type: "computed", id: "c", field: "rfm_recency", op: "gte", value: int(3, 5) }),
    ])();
  const behavior = (): Condition => ({
    type: "behavior",
    id: "b",
    event: "Product Viewed",
    filters: [{ property: "category", valueType: "string", op: "equals", value: pick(CATEGORIES) }],
    count: { op: "at_least", value: int(1, 4) },
    window: { kind: "last_days", days: pick([7, 14, 30]) },
  });
  const segments = Array.from({ length: 50 }, (_, i) => ({
    id: `seg-${i}`,
    name: `Segment ${i}`,
    kind: "dynamic" as const,
    rule: group(i % 3 === 0 ? [behavior(), traitOrComputed()] : [traitOrComputed(), traitOrComputed()]),
  }));
  const placements = Array.from({ length: 20 }, (_, p) => ({
    id: `pl-${p}`,
    key: `placement-${p}`,
    name: `Placement ${p}`,
    contentType: "html" as const,
    killSwitch: false,
    experiences: [
      ...Array.from({ length: int(3, 5) }, (_, e) => ({
        id: `ex-${p}-${e}`,
        name: `Experience ${p}.${e}`,
        priority: e + 1,
        isDefault: false,
        status: "live" as const,
        segmentId: r() < 0.7 ? `seg-${int(0, 49)}` : null,
        rule: group([traitOrComputed()]),
        startsAt: null,
        endsAt: r() < 0.2 ? new Date(now + 30 * DAY) : null,
        variants: [
          {
            id: `v-${p}-${e}`,
            name: "v",
            body: `<h2>{{ first_name | default: "Hello" }}, offer ${p}.${e}</h2><p>{{ traits.city | default: "near you" }}</p>`,
          },
        ],
      })),
      {
        id: `def-${p}`,
        name: "Default",
        priority: 1_000_000,
        isDefault: true,
        status: "live" as const,
        segmentId: null,
        rule: null,
        startsAt: null,
        endsAt: null,
        variants: [{ id: `vd-${p}`, name: "Default", body: "<h2>Welcome</h2>" }],
      },
    ],
  }));
  return {
    workspaceId: "bench",
    version: 1,
    segments,
    placements,
    experiments: withExperiments ? benchExperiments(placements) : [],
    holdoutShare: withExperiments ? 0.05 : 0,
  };
}

/**
 * Ten running experiments over the placements (issue 15's benchmark): six
 * A/B tests of experiences (the default as control against the experience's
 * content), one 2 × 2 multivariate test over two placements, two flags
 * sharing a layer half and half, and one flag on its own; with the
 * configuration's 5 % holdout.
 */
function benchExperiments(placements: SnapshotConfig["placements"]): ExperimentConfig[] {
  const base = (i: number, type: ExperimentConfig["type"]): ExperimentConfig => ({
    id: `xp-${i}`,
    key: `bench-${i}`,
    name: `Bench ${i}`,
    type,
    status: "running",
    seed: `bench-${i}`,
    seedPhase: 1,
    phase: 1,
    coverage: 1,
    unitType: "anonymous_id",
    layerId: null,
    layerStart: null,
    layerEnd: null,
    experienceId: null,
    placementId: null,
    segmentId: null,
    rule: null,
    factors: null,
    startsAt: null,
    endsAt: null,
    winnerVariationId: null,
    variations: [],
  });
  const arm = (id: string, position: number, variantId: string | null, payload: unknown = null) => ({
    id,
    key: id,
    name: id,
    weight: 1,
    isControl: position === 0,
    variantId,
    payload,
  });
  const ab = Array.from({ length: 6 }, (_, i) => {
    const placement = placements[i]!;
    const experience = placement.experiences[0]!;
    return {
      ...base(i, "ab"),
      experienceId: experience.id,
      placementId: placement.id,
      variations: [arm(`xv-${i}-a`, 0, null), arm(`xv-${i}-b`, 1, experience.variants[0]!.id)],
    };
  });
  const [p1, p2] = [placements[10]!, placements[11]!];
  const level = (p: typeof p1, e: number) => ({
    key: `l${e}`,
    name: `L${e}`,
    variantId: p.experiences[e]!.variants[0]!.id,
  });
  const factors = [
    { key: "f1", name: "F1", placementId: p1.id, levels: [level(p1, 0), level(p1, 1)] },
    { key: "f2", name: "F2", placementId: p2.id, levels: [level(p2, 0), level(p2, 1)] },
  ];
  const mvt = {
    ...base(6, "multivariate"),
    factors,
    variations: [
      ["l0", "l0"],
      ["l0", "l1"],
      ["l1", "l0"],
      ["l1", "l1"],
    ].map(([a, b], i) => arm(`xv-6-${i}`, i, null, { levels: { f1: a, f2: b } })),
  };
  const flag = (i: number, layer: { start: number; end: number } | null): ExperimentConfig => ({
    ...base(i, "flag"),
    ...(layer ? { layerId: "bench-layer", layerStart: layer.start, layerEnd: layer.end } : {}),
    variations: [
      arm(`xv-${i}-a`, 0, null, { value: { on: false } }),
      arm(`xv-${i}-b`, 1, null, { value: { on: true } }),
    ],
  });
  return [...ab, mvt, flag(7, { start: 0, end: 0.5 }), flag(8, { start: 0.5, end: 1 }), flag(9, null)];
}

/** Visitors like the demo's: traits, computed values and up to 60 recent events. */
export function benchVisitors(count: number, now: number, seed = 12): ProfileState[] {
  const r = random(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(r() * list.length)]!;
  return Array.from({ length: count }, () => {
    const orders = Math.floor(r() * 6);
    return {
      traits: {
        country: pick(COUNTRIES),
        loyalty_tier: pick(["bronze", "silver", "gold"]),
        first_name: pick(["Ana", "Ben", "Chen", "Dara"]),
        city: pick(["Berlin", "Paris", "Austin"]),
      },
      computed: {
        orders,
        revenue: (orders * 57.5).toFixed(2),
        sessions: 1 + Math.floor(r() * 10),
        eventCount: 60,
        firstSeenAt: now - 80 * DAY,
        lastSeenAt: now - DAY,
        lastOrderAt: orders ? now - 10 * DAY : null,
        rfmRecency: orders ? 1 + Math.floor(r() * 5) : null,
        rfmFrequency: null,
        rfmMonetary: null,
      },
      events: Array.from({ length: Math.floor(r() * 60) }, () => ({
        name: pick(["Product Viewed", "Product Viewed", "Product Added", "Page Viewed"]),
        occurredAt: now - Math.floor(r() * 30 * DAY),
        properties: { category: pick(CATEGORIES), price: Math.floor(r() * 200) },
      })).sort((a, b) => a.occurredAt - b.occurredAt),
      staticSegments: new Set<string>(),
    };
  });
}

/** The flag experiments' keys, which a storefront's code would ask for with its placements. */
export const BENCH_FLAGS = ["bench-7", "bench-8", "bench-9"];
