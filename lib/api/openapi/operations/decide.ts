import { z } from "zod";
import type { ContentType } from "@/lib/content/types";
import type { AnsweredDecision, DecideAnswer } from "@/lib/decide/answer-json";
import { decideBodySchema } from "@/lib/decide/request";
import { defineApiArea } from "../operation";

/** A tuple of every member of the union `T` (the type check fails when `T` gains one the tuple lacks). */
const every =
  <T extends string>() =>
  <const L extends readonly T[]>(list: L & ([Exclude<T, L[number]>] extends [never] ? unknown : never)) =>
    list;

const REASONS = every<AnsweredDecision["reason"]>()([
  "experience",
  "experiment",
  "default",
  "kill_switch",
  "no_consent",
  "holdout",
]);
const CONTENT_TYPES = every<ContentType>()(["html", "text", "json"]);
const IDENTITY_CHECKS = every<NonNullable<DecideAnswer["identity"]>>()(["verified", "unverified"]);

const decisionSchema = z.object({
  variantId: z.string().describe("The content variant served"),
  experienceId: z.string().nullable().describe("The experience whose rule matched (null: the placement's default)"),
  content: z.string().describe("The rendered content"),
  contentType: z.enum(CONTENT_TYPES),
  reason: z
    .enum(REASONS)
    .describe(
      "Why this content: `experience` (its rule matched), `experiment` (an experiment's arm), `default` (none matched), `kill_switch`, `no_consent`, `holdout` (the visitor is in the global holdout)",
    ),
});
const experimentDecisionSchema = z.object({
  variation: z.string().describe("The key of the variation served"),
  value: z.unknown().describe("A flag's value (null for content experiments)"),
  inExperiment: z
    .boolean()
    .describe(
      "False when served without enrolling (paused: the control; rolled out: the winner; not eligible: the control)",
    ),
});
/** What `POST /api/v1/decide` answers (`DecideAnswer` of `lib/decide/answer-json.ts`, as `decideAnswerJson` writes it). */
export const decideAnswerSchema = z.object({
  profileId: z
    .string()
    .nullable()
    .optional()
    .describe("The visitor's profile (write and admin keys only; null when it has none yet)"),
  decisions: z.record(z.string(), decisionSchema).describe("What each placement asked for shows, by placement key"),
  experiments: z
    .record(z.string(), experimentDecisionSchema)
    .optional()
    .describe("The experiments that decided something of this answer, and the flags asked for, by key"),
  unknownPlacements: z
    .array(z.string())
    .describe("Placement keys asked for that the workspace does not have (not fatal)"),
  identity: z
    .enum(IDENTITY_CHECKS)
    .optional()
    .describe("With a client key and a userId: whether its userHash verified (`unverified`: decided as anonymous)"),
  ignoredTraits: z
    .array(z.string())
    .optional()
    .describe("Traits sent that are not among the workspace's request traits (client keys), so took no part"),
});

export const DECIDE_BODY_EXAMPLE = {
  anonymousId: "a-1",
  userId: "u-42",
  userHash: "9f2c…",
  newVisitor: false,
  context: {
    url: "https://shop.example/p/runner",
    referrer: "https://www.google.com/",
    userAgent: "Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) Mobile/15E148",
    locale: "en-US",
    country: "DE",
    timezone: "Europe/Berlin",
    utm: { source: "newsletter", campaign: "spring" },
  },
  placements: ["home-hero", "pdp-banner"],
  experiments: ["checkout-steps"],
  traits: { locale: "de" },
};

export const decideArea = defineApiArea({
  tag: { name: "Decisions", description: "What each placement shows a visitor, and why; flag experiments' values." },
  components: { DecideBody: decideBodySchema, DecideAnswer: decideAnswerSchema, Decision: decisionSchema },
  fieldDocs: [
    [
      decideBodySchema,
      {
        anonymousId: "The visitor's anonymous id (the SDK's `pz_aid` cookie)",
        userId: "Your id of the person; with a client key it counts only with its userHash",
        userHash:
          "HMAC-SHA256 of userId under an identity secret, made by the storefront's server: with a client key, userId counts only with it",
        newVisitor:
          "The client created this anonymousId just now (there was no cookie): no profile can exist for it, so none is read",
        context: "The visit: page, referrer, device, locale, country, time zone and UTM, as segment rules read them",
        placements: "Keys of the placements to decide (1–50; or ask only for flag experiments)",
        experiments:
          "Flag experiments the storefront's code reads, by key: the answer's `experiments` says each one's variation and value",
        preview:
          "A marketer's preview link token (`?pz_preview=`): shows one experiment's variation; nothing is recorded",
        traits: "Traits for this decision only; with a client key, only the workspace's request traits count",
      },
    ],
    [
      decideBodySchema.shape.context.unwrap(),
      {
        path: "The page's path (read from `url` when not given)",
        country: "Two-letter country code (else the CDN's `cf-ipcountry` or `x-vercel-ip-country` header)",
        timezone: "The visitor's IANA time zone (e.g. from Intl in the browser): local hour and weekday are read in it",
      },
    ],
  ],
  operations: [
    {
      auth: "decide",
      cors: true,
      method: "POST",
      path: "/api/v1/decide",
      operationId: "decide",
      summary: "Decide what each placement shows this visitor",
      description:
        "Ask for at least one placement or flag experiment. Each served decision is recorded as an exposure (except with a preview token). With a client key (public, in the page) a userId counts only with its userHash (else, when the workspace requires signed ids, the visitor is decided as anonymous), only the workspace's request traits take part, and the answer names no profile.",
      body: decideBodySchema,
      bodyExample: DECIDE_BODY_EXAMPLE,
      maxBytes: 16 * 1024,
      response: {
        status: 200,
        description: "The decisions, by placement key",
        schema: decideAnswerSchema,
        example: {
          decisions: {
            "home-hero": {
              variantId: "cm9v1",
              experienceId: "cm9e1",
              content: "<h2>Spring sale</h2>",
              contentType: "html",
              reason: "experience",
            },
          },
          experiments: { "checkout-steps": { variation: "one", value: { steps: 1 }, inExperiment: true } },
          unknownPlacements: ["pdp-banner"],
          identity: "verified",
        },
      },
    },
  ],
});
