import { describe, expect, it } from "vitest";
import { decideAnswerJson, type DecideAnswer } from "./answer-json";
import type { Decision } from "./types";

const decision = (over: Partial<Decision> = {}): Decision => ({
  placementId: "pl1",
  variantId: "v1",
  experienceId: null,
  content: "<h1>Hi</h1>",
  contentType: "html",
  experimentId: null,
  variationId: null,
  reason: "default",
  ...over,
});

/** The answer as a client reads it: every decision and experiment without the ids kept for the exposure log. */
const answered = (answer: DecideAnswer) => {
  const { experiments, unknownPlacements, identity, ignoredTraits, ...rest } = answer;
  return {
    ...rest,
    decisions: Object.fromEntries(
      Object.entries(answer.decisions).map(([key, { placementId: _p, experimentId: _e, variationId: _v, ...kept }]) => [
        key,
        kept,
      ]),
    ),
    ...(experiments
      ? {
          experiments: Object.fromEntries(
            Object.entries(experiments).map(([key, e]) => [
              key,
              { variation: e.variation, value: e.value, inExperiment: e.inExperiment },
            ]),
          ),
        }
      : {}),
    unknownPlacements,
    ...(identity === undefined ? {} : { identity }),
    ...(ignoredTraits === undefined ? {} : { ignoredTraits }),
  };
};

describe("decideAnswerJson", () => {
  it("is exactly JSON.stringify of the answer cut to the answered fields, for fresh and shared (frozen) decisions alike", () => {
    const shared = Object.freeze(
      decision({
        content: 'Quote " backslash \\ newline \n tab \t emoji 😀 and \u2028',
        experienceId: "e1",
        reason: "experience",
      }),
    );
    const answers: DecideAnswer[] = [
      { profileId: null, decisions: {}, unknownPlacements: [] },
      {
        decisions: { hero: decision({ reason: "experiment", experimentId: "x1", variationId: "xv1" }) },
        experiments: {
          "hero-test": {
            experimentId: "x1",
            variationId: "xv1",
            variation: "treatment",
            value: null,
            inExperiment: true,
          },
          'new"checkout': {
            experimentId: "x2",
            variationId: "xv2",
            variation: "control",
            value: { steps: 3, label: "Pay \u2028 now" },
            inExperiment: false,
          },
        },
        unknownPlacements: [],
      },
      {
        profileId: "p-1",
        decisions: { "home-hero": shared, 'we"ird\\key': decision({ contentType: "json", content: '{"a":1}' }) },
        unknownPlacements: ["nowhere", 'q"uote'],
      },
      {
        profileId: null,
        decisions: { a: shared, b: shared, c: decision({ reason: "no_consent" }) },
        unknownPlacements: [],
      },
      { profileId: null, decisions: { b: shared, a: shared }, unknownPlacements: [] },
      // a client key's: no profileId, and what became of its identity and traits
      { decisions: { a: shared }, unknownPlacements: [], identity: "unverified", ignoredTraits: ["plan", 'q"'] },
      { decisions: {}, unknownPlacements: ["x"], identity: "verified" },
    ];
    for (let round = 0; round < 2; round++) {
      // the second round reads the shared decision's JSON made in the first
      for (const answer of answers) {
        expect(decideAnswerJson(answer)).toBe(JSON.stringify(answered(answer)));
        expect(JSON.parse(decideAnswerJson(answer))).toEqual(answered(answer));
      }
    }
  });
});
