import { describe, expect, it } from "vitest";
import type { ArmExplanation } from "@/lib/experiments/actions/explain-arm";
import { explainInWords } from "./explain-text";

const none: ArmExplanation = {
  unitId: "anon-1",
  heldOut: false,
  enrolled: false,
  variation: null,
  how: null,
  reason: null,
  failures: [],
  asIfRunning: false,
};
const ctx = { coverage: 0.2, layerName: "Checkout", unitType: "anonymous_id", startsAt: null, endsAt: null };

describe("explainInWords", () => {
  it("says each reason as the marketer reads it", () => {
    expect(explainInWords({ ...none, heldOut: true, reason: "holdout" }, ctx).headline).toBe("In the holdout");
    expect(explainInWords({ ...none, reason: "outside_coverage" }, ctx).headline).toBe("Outside coverage (20 % enter)");
    expect(explainInWords({ ...none, reason: "other_layer_slice" }, ctx).headline).toBe(
      "In another experiment of layer Checkout",
    );
    expect(
      explainInWords({ ...none, reason: "not_targeted", failures: ['country is "DE" (found "FR")'] }, ctx),
    ).toEqual({ headline: "Not targeted", detail: 'country is "DE" (found "FR")' });
    expect(explainInWords(none, ctx).headline).toBe("Not deciding");
  });

  it("names the arm and whether a stored assignment decided it", () => {
    const arm = { ...none, enrolled: true, variation: { key: "b", name: "B" } };
    expect(explainInWords({ ...arm, how: "sticky" }, ctx).headline).toBe("Arm B (sticky: stored assignment)");
    expect(explainInWords({ ...arm, how: "hashed" }, ctx)).toEqual({
      headline: "Arm B (hashed: new assignment)",
      detail: "Its unit falls in the hash range of B (b); the assignment is stored at its first exposure.",
    });
  });
});
