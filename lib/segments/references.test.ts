import { describe, expect, it } from "vitest";
import type { Condition, RuleGroup } from "./schema";
import { findCycle, referencedSegments } from "./references";
import type { SegmentRef } from "./state";

const inSeg = (segmentId: string): Condition => ({ type: "segment", id: segmentId, segmentId, op: "in" });
const rule = (...children: RuleGroup["children"]): RuleGroup => ({
  type: "group",
  id: "r",
  combinator: "and",
  children,
});

describe("segment references", () => {
  const segments = new Map<string, SegmentRef>([
    ["a", { kind: "dynamic", rule: rule(inSeg("b")) }],
    ["b", { kind: "dynamic", rule: rule({ type: "group", id: "g", combinator: "or", children: [inSeg("c")] }) }],
    ["c", { kind: "dynamic", rule: rule() }],
    ["s", { kind: "static", rule: rule() }],
  ]);
  it("finds references at any depth", () => {
    expect(referencedSegments(segments.get("b")!.rule)).toEqual(["c"]);
  });
  it("finds a cycle through other segments and names it", () => {
    expect(findCycle("c", rule(inSeg("a")), segments)).toEqual(["c", "a", "b", "c"]);
    expect(findCycle("a", rule(inSeg("a")), segments)).toEqual(["a", "a"]);
  });
  it("accepts rules without cycles", () => {
    expect(findCycle("c", rule(inSeg("s")), segments)).toBeNull();
    expect(findCycle("new", rule(inSeg("a")), segments)).toBeNull();
  });
});
