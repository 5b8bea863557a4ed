import type { ArmExplanation } from "@/lib/experiments/actions/explain-arm";

/** What the QA panel needs of the experiment to put an answer in words. */
export type ExplainContext = {
  coverage: number;
  layerName: string | null;
  unitType: string;
  startsAt: Date | string | null;
  endsAt: Date | string | null;
};

const pct = (share: number) => `${Math.round(share * 1000) / 10} %`;
const when = (at: Date | string) => new Date(at).toISOString().slice(0, 16).replace("T", " ") + " UTC";

/**
 * Which arm a visitor gets and why, in words: the headline ("Arm B", "In the
 * holdout", …) and what it means for them.
 */
export function explainInWords(e: ArmExplanation, ctx: ExplainContext): { headline: string; detail: string } {
  const served = e.variation ? `${e.variation.name} (${e.variation.key})` : null;
  if (e.heldOut || e.reason === "holdout")
    return {
      headline: "In the holdout",
      detail: "Gets defaults everywhere: no personalization and no experiment.",
    };
  if (e.enrolled && e.variation)
    return e.how === "sticky"
      ? {
          headline: `Arm ${e.variation.name} (sticky: stored assignment)`,
          detail: `Its first exposure stored ${served}; that decides from then on, whatever the hash or the weights say now.`,
        }
      : {
          headline: `Arm ${e.variation.name} (hashed: new assignment)`,
          detail: `Its unit falls in the hash range of ${served}; the assignment is stored at its first exposure.`,
        };
  switch (e.reason) {
    case "paused":
      return {
        headline: "Paused",
        detail: `Gets the control${served ? `, ${served}` : ""}; no one is enrolled while paused.`,
      };
    case "rolled_out":
      return { headline: "Rolled out", detail: `Stopped with a winner: gets ${served ?? "the winner"}, not enrolled.` };
    case "no_consent":
      return { headline: "No consent", detail: "Refused personalization: gets the defaults and is never enrolled." };
    case "no_unit":
      return {
        headline: "No unit",
        detail:
          ctx.unitType === "user_id"
            ? "Has neither a user id nor an anonymous id to bucket by."
            : "Has no anonymous id to bucket by.",
      };
    case "off_schedule":
      return {
        headline: "Outside the schedule",
        detail:
          [ctx.startsAt && `Starts ${when(ctx.startsAt)}`, ctx.endsAt && `ends ${when(ctx.endsAt)}`]
            .filter(Boolean)
            .join(", ")
            .replace(/^./, (c) => c.toUpperCase()) || "Outside the experiment's dates.",
      };
    case "not_targeted":
      return {
        headline: "Not targeted",
        detail: e.failures.length > 0 ? e.failures.join("; ") : "Does not match the experiment's targeting.",
      };
    case "other_layer_slice":
      return {
        headline: ctx.layerName ? `In another experiment of layer ${ctx.layerName}` : "In another slice of the layer",
        detail:
          "Its unit falls outside this experiment's slice of the layer; experiments of a layer never share a unit.",
      };
    case "outside_coverage":
      return {
        headline: `Outside coverage (${pct(ctx.coverage)} enter)`,
        detail: "Gets what it would have without the experiment.",
      };
    case "draft":
      return { headline: "A draft", detail: "Drafts enroll no one." };
    default:
      return {
        headline: "Not deciding",
        detail:
          "This experiment serves nothing now (stopped without a winner, or archived): everyone gets what they had before.",
      };
  }
}
