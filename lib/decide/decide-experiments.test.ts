import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { inHoldout } from "@/lib/experiments/assign";
import type { ExperimentConfig } from "./build-experiments";
import { buildSnapshot, type SnapshotConfig } from "./build-snapshot";
import { decide } from "./decide";
import type { VisitorState } from "./types";

const NOW = Date.parse("2026-12-01T12:00:00Z");
const everyone = { type: "group" as const, id: "r", combinator: "and" as const, children: [] };
const placement = (id: string, key: string, experiences: SnapshotConfig["placements"][number]["experiences"]) => ({
  id,
  key,
  name: key,
  contentType: "html" as const,
  killSwitch: false,
  experiences: [
    ...experiences,
    {
      id: `${id}-default`,
      name: "Default",
      priority: 999,
      isDefault: true,
      status: "live" as const,
      segmentId: null,
      rule: null,
      startsAt: null,
      endsAt: null,
      variants: [{ id: `${id}-vd`, name: "Default", body: `<p>${key} default</p>` }],
    },
  ],
});
const live = (id: string, variants: { id: string; body: string }[]) => ({
  id,
  name: id,
  priority: 1,
  isDefault: false,
  status: "live" as const,
  segmentId: null,
  rule: everyone,
  startsAt: null,
  endsAt: null,
  variants: variants.map((v) => ({ ...v, name: v.id })),
});
const experiment = (
  over: Partial<ExperimentConfig> & Pick<ExperimentConfig, "id" | "key" | "type">,
): ExperimentConfig => ({
  name: over.key,
  status: "running",
  seed: over.key,
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
  ...over,
});
const variation = (id: string, position: number, over: Partial<ExperimentConfig["variations"][number]> = {}) => ({
  id,
  key: id,
  name: id,
  weight: 1,
  isControl: position === 0,
  variantId: null,
  payload: null,
  ...over,
});

const hero = placement("p-hero", "hero", [live("e-hero", [{ id: "v-hello", body: "<h1>Hello</h1>" }])]);
const banner = placement("p-banner", "banner", [
  live("e-banner", [
    { id: "v-red", body: "<b>red</b>" },
    { id: "v-blue", body: "<b>blue</b>" },
  ]),
]);
const headline = placement("p-head", "headline", [
  live("e-head", [
    { id: "v-short", body: "<i>short</i>" },
    { id: "v-long", body: "<i>long</i>" },
  ]),
]);
const ab = experiment({
  id: "x-ab",
  key: "hero-ab",
  type: "ab",
  experienceId: "e-hero",
  placementId: "p-hero",
  variations: [variation("ab-control", 0), variation("ab-hello", 1, { variantId: "v-hello" })],
});
const factors = [
  {
    key: "banner",
    name: "Banner",
    placementId: "p-banner",
    levels: [
      { key: "red", name: "Red", variantId: "v-red" },
      { key: "blue", name: "Blue", variantId: "v-blue" },
    ],
  },
  {
    key: "head",
    name: "Headline",
    placementId: "p-head",
    levels: [
      { key: "short", name: "Short", variantId: "v-short" },
      { key: "long", name: "Long", variantId: "v-long" },
    ],
  },
];
const cells = [
  ["red", "short"],
  ["red", "long"],
  ["blue", "short"],
  ["blue", "long"],
].map(([b, h], i) => variation(`cell-${b}-${h}`, i, { payload: { levels: { banner: b, head: h } } }));
const mvt = experiment({ id: "x-mvt", key: "look", type: "multivariate", factors, variations: cells });
const flag = experiment({
  id: "x-flag",
  key: "checkout",
  type: "flag",
  variations: [variation("f-3", 0, { payload: { value: 3 } }), variation("f-1", 1, { payload: { value: 1 } })],
});

const config = (experiments: ExperimentConfig[], holdoutShare = 0): SnapshotConfig => ({
  workspaceId: "w-exp",
  version: 1,
  segments: [],
  placements: [hero, banner, headline],
  experiments,
  holdoutShare,
});
const visitor = (personalization = true): VisitorState => ({
  profileId: null,
  profile: null,
  personalization,
  assignments: [],
});
const ask = (cfg: SnapshotConfig, anonymousId: string, v = visitor()) =>
  decide(buildSnapshot(cfg, NOW), v, {
    placements: ["hero", "banner", "headline"],
    experiments: ["checkout"],
    ids: { anonymousId },
    context: {},
    now: NOW,
  });

describe("decide with experiments", () => {
  it("serves an A/B test's arms (the default as control) and a multivariate cell's levels, the same on every page", () => {
    const cfg = config([ab, mvt, flag]);
    const seen = new Set<string>();
    for (let i = 0; i < 400; i++) {
      const unit = `u-${i}`;
      const r = ask(cfg, unit);
      const arm = r.experiments["hero-ab"]!.variation;
      expect(r.decisions.hero!.content).toBe(arm === "ab-hello" ? "<h1>Hello</h1>" : "<p>hero default</p>");
      const cell = r.experiments.look!.variation;
      const [, b, h] = cell.split("-");
      expect(r.decisions.banner!.content).toBe(`<b>${b}</b>`);
      expect(r.decisions.headline!.content).toBe(`<i>${h}</i>`);
      expect(r.decisions.banner).toMatchObject({ reason: "experiment", experimentId: "x-mvt", variationId: cell });
      expect(r.exposures.map((e) => e.experimentId).sort()).toEqual(["x-ab", "x-flag", "x-mvt"]);
      // the same unit on another page (one placement at a time) sees the same combination
      const other = decide(buildSnapshot(cfg, NOW), visitor(), {
        placements: ["headline"],
        ids: { anonymousId: unit },
        context: {},
        now: NOW,
      });
      expect(other.decisions.headline!.content).toBe(`<i>${h}</i>`);
      seen.add(`${arm}/${cell}/${r.experiments.checkout!.value}`);
    }
    expect(seen.size).toBe(16); // every arm of each, in every combination
  });

  it("serves the control to everyone while paused and the winner once rolled out, enrolling no one", () => {
    const paused = ask(
      config([
        { ...ab, status: "paused" },
        { ...flag, status: "paused" },
      ]),
      "u-1",
    );
    expect(paused.decisions.hero!.content).toBe("<p>hero default</p>");
    expect(paused.experiments.checkout).toMatchObject({ variation: "f-3", value: 3, inExperiment: false });
    expect(paused.exposures).toEqual([]);
    for (let i = 0; i < 50; i++) {
      const rolled = ask(config([{ ...ab, status: "stopped", winnerVariationId: "ab-hello" }]), `u-${i}`);
      expect(rolled.decisions.hero!.content).toBe("<h1>Hello</h1>");
      expect(rolled.experiments["hero-ab"]!.inExperiment).toBe(false);
      expect(rolled.exposures).toEqual([]);
    }
    const stoppedNoWinner = ask(config([{ ...ab, status: "stopped" }]), "u-1");
    expect(stoppedNoWinner.decisions.hero).toMatchObject({ content: "<h1>Hello</h1>", reason: "experience" });
  });

  it("enrolls no one without personalization consent, without an id, or outside coverage", () => {
    const refused = ask(config([ab, mvt, flag]), "u-1", visitor(false));
    expect(refused.exposures).toEqual([]);
    expect(refused.decisions.hero!.reason).toBe("no_consent");
    expect(refused.experiments.checkout!.inExperiment).toBe(false);
    const anonymous = decide(buildSnapshot(config([ab]), NOW), visitor(), {
      placements: ["hero"],
      ids: {},
      context: {},
      now: NOW,
    });
    expect(anonymous.exposures).toEqual([]);
    expect(anonymous.decisions.hero!.reason).toBe("experience");
    let outside = 0;
    for (let i = 0; i < 1_000; i++)
      if (!ask(config([{ ...ab, coverage: 0.2 }]), `c-${i}`).experiments["hero-ab"]) outside += 1;
    expect(outside).toBeGreaterThan(740);
    expect(outside).toBeLessThan(860);
  });

  it("never gives a holdout unit personalization or an experiment", () => {
    const cfg = config([ab, mvt, flag], 0.1);
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 40 }), (unit) => {
        const r = ask(cfg, unit);
        if (!inHoldout("w-exp", unit, 0.1)) return r.holdout === false;
        return (
          r.holdout &&
          r.exposures.length === 0 &&
          Object.values(r.decisions).every((d) => d.reason === "holdout" && d.variantId.endsWith("-vd")) &&
          r.experiments.checkout!.inExperiment === false
        );
      }),
      { numRuns: 2_000 },
    );
  });

  it("never puts a unit in two experiments of one layer", () => {
    const layered = [
      { ...flag, id: "x-l1", key: "l1", layerId: "layer", layerStart: 0, layerEnd: 0.5 },
      { ...flag, id: "x-l2", key: "l2", layerId: "layer", layerStart: 0.5, layerEnd: 1 },
    ];
    const snapshot = buildSnapshot(config(layered), NOW);
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 40 }), (unit) => {
        const r = decide(snapshot, visitor(), {
          placements: [],
          experiments: ["l1", "l2"],
          ids: { anonymousId: unit },
          context: {},
          now: NOW,
        });
        return r.exposures.length === 1; // the layer is fully used: each unit is in exactly one
      }),
      { numRuns: 2_000 },
    );
  });
});
