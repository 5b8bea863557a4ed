import { describe, expect, it } from "vitest";
import { funnelInputSchema, funnelSteps } from "./funnel";

describe("a funnel's steps", () => {
  it("gives each step's conversion from the first and the previous, and the drop-off", () => {
    const steps = funnelSteps({ group: "all", counts: [200, 50, 10], medianSeconds: [null, 60, 3600] });
    expect(steps).toEqual([
      { count: 200, fromFirst: 1, fromPrevious: 1, dropOff: 0, medianSeconds: null },
      { count: 50, fromFirst: 0.25, fromPrevious: 0.25, dropOff: 150, medianSeconds: 60 },
      { count: 10, fromFirst: 0.05, fromPrevious: 0.2, dropOff: 40, medianSeconds: 3600 },
    ]);
    expect(funnelSteps({ group: "all", counts: [0, 0], medianSeconds: [null, null] })[1]).toMatchObject({
      fromFirst: null,
      fromPrevious: null,
    });
  });

  it("asks for what a split needs, and bounds the steps and the window", () => {
    const issues = (input: object) =>
      funnelInputSchema.safeParse(input).error?.issues.map((i) => `${i.path.join(".")}: ${i.message}`) ?? [];
    const two = [{ eventName: "A" }, { eventName: "B" }];
    expect(issues({ steps: two, split: "segment" })).toEqual(["segmentId: Choose the segment to split by"]);
    expect(issues({ steps: two, split: "experiment" })).toEqual(["experimentId: Choose the experiment to split by"]);
    expect(issues({ steps: [...two, ...two, ...two, { eventName: "C" }] })).toEqual(["steps: At most 6 steps"]);
    expect(issues({ steps: two, windowDays: 0 })).toEqual(["windowDays: At least 1 day"]);
    expect(issues({ steps: [{ eventName: " " }, { eventName: "B" }] })).toEqual(["steps.0.eventName: Name the event"]);
    expect(funnelInputSchema.parse({ steps: two })).toMatchObject({ windowDays: 7, split: "none" });
  });
});
