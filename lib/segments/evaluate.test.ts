import { describe, expect, it } from "vitest";
import { compileRule, evaluate, startEvaluation } from "./evaluate";
import type { Condition, RuleGroup } from "./schema";
import type { ProfileState, SegmentRef, VisitContext } from "./state";
import { baseComputed, EDGE_CASES, EDGE_NOW } from "./testing/edge-cases";

const group = (children: RuleGroup["children"], combinator: "and" | "or" = "and", not = false): RuleGroup => ({
  type: "group",
  id: "g",
  combinator,
  not,
  children,
});
const state = (over: Partial<ProfileState> = {}): ProfileState => ({
  traits: {},
  computed: baseComputed,
  events: [],
  staticSegments: new Set(),
  ...over,
});
const none = new Map<string, SegmentRef>();
const run = (rule: RuleGroup, s: ProfileState, context: VisitContext | null = null, segments = none) =>
  evaluate(rule, s, { now: EDGE_NOW, context, segments });

describe("evaluate: every operator at its edges", () => {
  for (const c of EDGE_CASES) {
    it(c.name, () => {
      const s = state({ traits: c.traits ?? {}, events: c.events ?? [], computed: { ...baseComputed, ...c.computed } });
      expect(run(group([c.condition]), s)).toBe(c.expected);
    });
  }
});

const country = (value: string): Condition => ({
  type: "trait",
  id: "c",
  key: "country",
  valueType: "string",
  op: "equals",
  value,
});

describe("evaluate: groups", () => {
  it("an empty AND group matches everyone, an empty OR group no one", () => {
    expect(run(group([]), state())).toBe(true);
    expect(run(group([], "or"), state())).toBe(false);
  });

  it("nests AND, OR and NOT", () => {
    const rule = group([country("DE"), group([country("FR"), group([country("DE")], "and", true)], "or", true)]);
    // DE and not (FR or not DE) = DE and not FR and DE
    expect(run(rule, state({ traits: { country: "DE" } }))).toBe(true);
    expect(run(rule, state({ traits: { country: "FR" } }))).toBe(false);
  });
});

describe("evaluate: context", () => {
  const mobileInDe: Condition[] = [
    { type: "context", id: "a", field: "device", valueType: "string", op: "equals", value: "mobile" },
    { type: "context", id: "b", field: "local_hour", valueType: "number", op: "between", value: 18, to: 23 },
  ];
  it("reads the visit", () => {
    expect(run(group(mobileInDe), state(), { device: "mobile", localHour: 18 })).toBe(true);
    expect(run(group(mobileInDe), state(), { device: "desktop", localHour: 18 })).toBe(false);
    expect(run(group(mobileInDe), state(), { device: "mobile" })).toBe(false);
  });
  it("counts as matched without a visit, as counts do", () => {
    expect(run(group(mobileInDe), state(), null)).toBe(true);
  });
});

describe("evaluate: segment membership", () => {
  const inSegment = (segmentId: string, op: "in" | "not_in" = "in"): Condition => ({
    type: "segment",
    id: "s",
    segmentId,
    op,
  });
  const segments = new Map<string, SegmentRef>([
    ["germans", { kind: "dynamic", rule: group([country("DE")]) }],
    ["imported", { kind: "static", rule: group([]) }],
    ["loop-a", { kind: "dynamic", rule: group([inSegment("loop-b")]) }],
    ["loop-b", { kind: "dynamic", rule: group([inSegment("loop-a")]) }],
  ]);
  it("evaluates a dynamic segment's rule", () => {
    expect(run(group([inSegment("germans")]), state({ traits: { country: "DE" } }), null, segments)).toBe(true);
    expect(run(group([inSegment("germans", "not_in")]), state({ traits: { country: "DE" } }), null, segments)).toBe(
      false,
    );
  });
  it("reads static memberships", () => {
    expect(run(group([inSegment("imported")]), state({ staticSegments: new Set(["imported"]) }), null, segments)).toBe(
      true,
    );
    expect(run(group([inSegment("imported")]), state(), null, segments)).toBe(false);
  });
  it("an unknown segment has no members, and a cycle ends", () => {
    expect(run(group([inSegment("gone")]), state(), null, segments)).toBe(false);
    expect(run(group([inSegment("loop-a")]), state(), null, segments)).toBe(false);
  });
  it("compiles once and decides many profiles", () => {
    const decide = compileRule(group([inSegment("germans")]), segments);
    expect(
      [state({ traits: { country: "DE" } }), state()].map((s) => decide(startEvaluation(s, EDGE_NOW, null))),
    ).toEqual([true, false]);
  });
});
