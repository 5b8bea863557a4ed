import { z } from "zod";
import { EARLIEST_EVENT_TIME, LATEST_EVENT_TIME, MAX_EVENT_REVENUE, TIME_RANGE } from "./limits";

export const MESSAGE_TYPES = ["track", "identify", "page", "screen", "alias", "group"] as const;
export type MessageType = (typeof MESSAGE_TYPES)[number];

/** Segment sends ids as strings, some libraries as numbers. */
const idSchema = z
  .union([z.string(), z.number()])
  .transform(String)
  .pipe(z.string().trim().min(1, "must not be empty").max(200, "must be at most 200 characters"));
const inTimeRange = (time: number) => time >= EARLIEST_EVENT_TIME && time <= LATEST_EVENT_TIME;
const timeSchema = z
  .union([z.iso.datetime({ offset: true }), z.iso.datetime({ local: true })], {
    error: "must be an ISO-8601 date-time",
  })
  .refine((value) => inTimeRange(Date.parse(value)), `must be ${TIME_RANGE}`);
const objectSchema = z.record(z.string().max(200), z.unknown());
/** HMAC-SHA256 of the userId under an identity secret, made by the storefront's server (lib/identity/signed-user-id.ts). */
const userHashSchema = z.string().trim().max(128).optional();

/** Fields every Segment message may carry. */
const commonFields = {
  anonymousId: idSchema.optional(),
  userId: idSchema.optional(),
  /** With a client key, userId counts only with it. */
  userHash: userHashSchema,
  messageId: z.string().trim().min(1).max(200).optional(),
  timestamp: timeSchema.optional(),
  originalTimestamp: timeSchema.optional(),
  sentAt: timeSchema.optional(),
  context: objectSchema.optional(),
  integrations: objectSchema.optional(),
  writeKey: z.string().max(200).optional(),
};

const trackSchema = z.object({
  ...commonFields,
  type: z.literal("track"),
  event: z.string().trim().min(1, "is required for track").max(200),
  properties: objectSchema.optional(),
});
const identifySchema = z.object({ ...commonFields, type: z.literal("identify"), traits: objectSchema.optional() });
const pageSchema = z.object({
  ...commonFields,
  type: z.literal("page"),
  name: z.string().max(200).optional(),
  category: z.string().max(200).optional(),
  properties: objectSchema.optional(),
});
const screenSchema = z.object({
  ...commonFields,
  type: z.literal("screen"),
  name: z.string().max(200).optional(),
  properties: objectSchema.optional(),
});
const aliasSchema = z.object({ ...commonFields, type: z.literal("alias"), previousId: idSchema });
const groupSchema = z.object({
  ...commonFields,
  type: z.literal("group"),
  groupId: idSchema,
  traits: objectSchema.optional(),
});

/** One Segment-spec message; userId or anonymousId is required (alias: userId). */
export const messageSchema = z
  .discriminatedUnion("type", [trackSchema, identifySchema, pageSchema, screenSchema, aliasSchema, groupSchema], {
    error: (issue) => (issue.code === "invalid_union" ? `type must be one of ${MESSAGE_TYPES.join(", ")}` : undefined),
  })
  .superRefine((message, ctx) => {
    if (message.type === "alias" && !message.userId)
      ctx.addIssue({ code: "custom", path: ["userId"], message: "is required for alias" });
    if (!message.userId && !message.anonymousId)
      ctx.addIssue({ code: "custom", path: ["userId"], message: "userId or anonymousId is required" });
    // the clock-skew correction (see eventTime) must land in the range too: it is done against the time received, about now
    if (
      message.sentAt &&
      message.originalTimestamp &&
      !inTimeRange(Date.now() - (Date.parse(message.sentAt) - Date.parse(message.originalTimestamp)))
    ) {
      ctx.addIssue({
        code: "custom",
        path: ["originalTimestamp"],
        message: `must be ${TIME_RANGE} once the device clock's skew (sentAt − originalTimestamp) is removed`,
      });
    }
    const revenue = "properties" in message ? message.properties?.revenue : undefined;
    if (typeof revenue === "number" && !(Math.abs(revenue) <= MAX_EVENT_REVENUE)) {
      ctx.addIssue({
        code: "custom",
        path: ["properties", "revenue"],
        message: `must be at most ${MAX_EVENT_REVENUE.toLocaleString("en-US")} in absolute value`,
      });
    }
  });

export type Message = z.output<typeof messageSchema>;

/** The body of a single-type endpoint (`/v1/track` …): the type is implied by the path. */
export function typedMessageSchema(type: MessageType) {
  return z.preprocess(
    (body) => (body && typeof body === "object" && !Array.isArray(body) ? { ...body, type } : body),
    messageSchema,
  );
}

/** `/v1/batch`: items are checked one by one, so only the envelope is validated here. */
export const batchEnvelopeSchema = z.object({
  batch: z.array(z.unknown()).min(1, "must hold at least one message"),
  writeKey: z.string().max(200).optional(),
  context: objectSchema.optional(),
  sentAt: timeSchema.optional(),
});

export const CONSENT_PURPOSES = ["analytics", "personalization", "marketing"] as const;
export type ConsentPurpose = (typeof CONSENT_PURPOSES)[number];

/** `POST /v1/consent`: a person's choices per purpose. */
export const consentBodySchema = z
  .object({
    anonymousId: idSchema.optional(),
    userId: idSchema.optional(),
    userHash: userHashSchema,
    consent: z
      .partialRecord(z.enum(CONSENT_PURPOSES), z.boolean())
      .refine((c) => Object.keys(c).length > 0, "name at least one purpose"),
    /** When the choice was made (server keys only: a client key's consent is dated when it arrives). */
    timestamp: timeSchema.optional(),
    writeKey: z.string().max(200).optional(),
  })
  .refine((b) => b.userId || b.anonymousId, { path: ["userId"], message: "userId or anonymousId is required" });
