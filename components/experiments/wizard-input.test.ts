import { describe, expect, it } from "vitest";
import { experimentInputSchema } from "@/lib/experiments/schema";
import { errorsAfterEdit, stepOfField, toExperimentInput } from "./wizard-input";
import { blankArm, emptyWizard, NEW_CONTENT, wizardFromResource } from "./wizard-state";

describe("stepOfField", () => {
  it("puts each action path on the step that edits it", () => {
    expect(stepOfField("key")).toBe("what");
    expect(stepOfField("experienceId")).toBe("what");
    expect(stepOfField("variations.0.variantId")).toBe("what");
    expect(stepOfField("variations.1.body")).toBe("what");
    expect(stepOfField("factors.1.levels.0.variantId")).toBe("what");
    expect(stepOfField("variations.2.weight")).toBe("variations");
    expect(stepOfField("targeting.rule.children.0.value")).toBe("who");
    expect(stepOfField("endsAt")).toBe("who");
    expect(stepOfField("goals")).toBe("goals");
    expect(stepOfField("layerId")).toBe("traffic");
    expect(stepOfField("coverage")).toBe("traffic");
    expect(stepOfField("_form")).toBe("review");
  });
});

describe("toExperimentInput", () => {
  it("makes an A/B test the schema takes: the default as control, a variant, new content", () => {
    const s = {
      ...emptyWizard(),
      key: "hero-test",
      name: "Hero test",
      experienceId: "exp1",
      arms: [blankArm(0), blankArm(1, { content: "v1" }), blankArm(2, { content: NEW_CONTENT, body: "<p>Hi</p>" })],
      coverage: 20,
      startsAt: "2030-01-02T10:00",
    };
    const { input, errors } = toExperimentInput(s);
    expect(errors).toEqual({});
    const parsed = experimentInputSchema.parse(input);
    expect(parsed.variations.map((v) => [v.variantId, v.body])).toEqual([
      [null, undefined],
      ["v1", undefined],
      [null, "<p>Hi</p>"],
    ]);
    expect(parsed.coverage).toBe(0.2);
    expect(parsed.startsAt).toBe("2030-01-02T10:00:00Z");
    expect(parsed.targeting).toEqual({ segmentId: null, rule: null });
  });

  it("refuses a flag value that is not JSON at its path, and parses the others", () => {
    const s = {
      ...emptyWizard(),
      type: "flag" as const,
      arms: [blankArm(0, { value: "false" }), blankArm(1, { value: "blue" })],
    };
    const { input, errors } = toExperimentInput(s);
    expect(Object.keys(errors)).toEqual(["variations.1.value"]);
    expect(input.variations?.[0]).toMatchObject({ value: false });
  });

  it("asks for a segment when targeting one", () => {
    expect(toExperimentInput({ ...emptyWizard(), targetKind: "segment" }).errors).toHaveProperty("targeting.segmentId");
  });

  it("reads back what it wrote", () => {
    const s = {
      ...emptyWizard(),
      key: "k",
      name: "N",
      type: "multivariate" as const,
      factors: [
        {
          uid: "f",
          key: "hero",
          name: "Hero",
          placementId: "p1",
          levels: [
            { uid: "a", key: "a", name: "A", variantId: "" },
            { uid: "b", key: "b", name: "B", variantId: "v2" },
          ],
        },
      ],
      layerId: "layer1",
      layerShare: 40,
      goals: [{ goalId: "g", role: "primary" as const }],
    };
    const { input } = toExperimentInput(s);
    const parsed = experimentInputSchema.parse(input);
    const back = wizardFromResource({
      ...parsed,
      placementId: null,
      targeting: { segmentId: null, rule: null },
      variations: [],
    });
    expect(toExperimentInput(back).input).toEqual(input);
  });
});

describe("errorsAfterEdit", () => {
  const arms = [blankArm(0), blankArm(1)];
  const before = { ...emptyWizard(), arms };
  const errors = {
    key: ["bad key"],
    variations: ["too few"],
    "variations.0.key": ["dup"],
    "variations.1.body": ["Line 1"],
    "targeting.rule.children.0.value": ["empty"],
  };

  it("drops the errors of what was edited, and only those", () => {
    expect(Object.keys(errorsAfterEdit(errors, before, { key: "ok" }))).not.toContain("key");
    const second = errorsAfterEdit(errors, before, { arms: [arms[0]!, { ...arms[1]!, body: "<p>" }] });
    expect(Object.keys(second).sort()).toEqual(["key", "targeting.rule.children.0.value", "variations.0.key"]);
    expect(Object.keys(errorsAfterEdit(errors, before, { arms: [arms[0]!] }))).toEqual([
      "key",
      "targeting.rule.children.0.value",
    ]);
    expect(Object.keys(errorsAfterEdit(errors, before, { rule: before.rule }))).not.toContain(
      "targeting.rule.children.0.value",
    );
  });

  it("keeps the same object when nothing goes", () => {
    expect(errorsAfterEdit(errors, before, { hypothesis: "x" })).toBe(errors);
  });
});
