import { z } from "zod";
import { MAX_BATCH_BYTES, MAX_BATCH_EVENTS, MAX_EVENT_BYTES } from "@/lib/events/limits";
import { MESSAGE_TYPES, batchEnvelopeSchema, messageSchema, type MessageType } from "@/lib/events/schema";
import { apiIssueSchema } from "../components";
import { defineApiArea, type ApiOperation } from "../operation";

/** The message of one type as its own endpoint takes it: `type` may be left out (the path says it). */
const variantOf = (type: MessageType) => {
  const variant = messageSchema.options.find((option) => option.shape.type.value === type)!;
  return variant.extend({ type: z.literal(type).optional().describe(`Implied by the path; \`${type}\` if sent`) });
};
const track = messageSchema.options.find((option) => option.shape.type.value === "track")!;
/** The event times' schema (ISO-8601, with or without offset, 1900–9999), shared by every message. */
const timestampSchema = (track.shape.timestamp as z.ZodOptional<z.ZodType>).unwrap();

/** What the app documents a batch as: the envelope, with items that are messages (each checked alone). */
const documentedBatchSchema = batchEnvelopeSchema.extend({
  batch: z
    .array(messageSchema)
    .min(1)
    .max(MAX_BATCH_EVENTS)
    .describe(
      `1 to ${MAX_BATCH_EVENTS.toLocaleString("en-US")} messages, each with its \`type\`, each at most ${MAX_EVENT_BYTES / 1024} KB; a bad item is reported in \`failed\`, not the whole batch refused`,
    ),
});

const messageAnswerSchema = z.object({ success: z.literal(true) });
const batchAnswerSchema = z.object({
  success: z.literal(true),
  accepted: z.number().int().describe("Messages that passed"),
  stored: z.number().int().optional().describe("Stored now (the app: committed before the answer)"),
  duplicates: z.number().int().optional().describe("Already stored under the same messageId (retries are harmless)"),
  queued: z.number().int().optional().describe("Buffered by a decision server, stored moments later"),
  failed: z
    .array(
      z.object({ index: z.number().int().describe("The item's index in `batch`"), issues: z.array(apiIssueSchema) }),
    )
    .describe("The items refused, each with its reasons"),
});

const SUMMARIES: Record<MessageType, string> = {
  track: "Record an event (Segment track)",
  identify: "Record who a visitor is and their traits (Segment identify)",
  page: "Record a page view (Segment page)",
  screen: "Record a screen view (Segment screen)",
  alias: "Link a previous id to a user id (Segment alias)",
  group: "Record a visitor's group and its traits (Segment group)",
};
const EXAMPLES: Record<MessageType, Record<string, unknown>> = {
  track: {
    anonymousId: "a-1",
    event: "Product Viewed",
    properties: { product_id: "p1", category: "shoes", price: 89 },
  },
  identify: { userId: "u-42", anonymousId: "a-1", traits: { email: "ada@example.com", plan: "gold" } },
  page: { anonymousId: "a-1", name: "Runner", properties: { url: "https://shop.example/p/runner" } },
  screen: { userId: "u-42", name: "Checkout" },
  alias: { previousId: "a-1", userId: "u-42" },
  group: { userId: "u-42", groupId: "acme", traits: { name: "Acme Inc." } },
};

const SEGMENT_SPEC =
  "The [Segment spec](https://segment.com/docs/connections/spec/): a storefront instrumented with Segment or RudderStack only changes the host. `userId` or `anonymousId` is required (alias: `userId` and `previousId`). With a client key, a `userId` counts only with its `userHash`, and emails and phones stay traits of the calling visitor. Times lie between the years 1900 and 9999 (also once the device clock's skew, `sentAt − originalTimestamp`, is removed); a `revenue` property within ±1,000,000,000. A 200 means committed; a `messageId` is stored once per workspace.";

const ingest = { auth: "ingest", cors: true, keyInBody: true } as const;

const messageOperation = (type: MessageType): ApiOperation => ({
  ...ingest,
  method: "POST",
  path: `/api/v1/${type}`,
  operationId: type,
  summary: SUMMARIES[type],
  description: SEGMENT_SPEC,
  body: variantOf(type),
  bodyExample: EXAMPLES[type],
  maxBytes: MAX_EVENT_BYTES,
  response: { status: 200, description: "Stored", schema: messageAnswerSchema, example: { success: true } },
});

export const ingestArea = defineApiArea({
  tag: {
    name: "Events",
    description:
      "Segment-compatible ingest: track, identify, page, screen, alias, group and batch. Limits: 32 KB per event, 500 KB and 2,500 events per batch.",
  },
  components: { Message: messageSchema, Timestamp: timestampSchema },
  fieldDocs: [
    [
      track,
      {
        anonymousId: "The visitor's anonymous id (a string or a number, 1–200 characters)",
        userId: "Your id of the person (a string or a number, 1–200 characters)",
        userHash:
          "HMAC-SHA256 of the userId under the workspace's identity secret, made by your server: with a client key, the userId counts only with it",
        messageId: "Your id of the message: a retry with the same one is stored once",
        context: "Segment's context (page, userAgent, ip, consent.categoryPreferences, …)",
        writeKey: "The key, when not sent in a header (as Segment's libraries may)",
      },
    ],
  ],
  operations: [
    ...MESSAGE_TYPES.map(messageOperation),
    {
      ...ingest,
      method: "POST",
      path: "/api/v1/batch",
      operationId: "batch",
      summary: "Record up to 2,500 messages at once (Segment batch)",
      description: `${SEGMENT_SPEC}\n\nItems inherit the batch's \`context\` and \`sentAt\`. Good items are stored even when others are bad; the answer lists the bad ones by index. A batch with no valid item, or more than ${MAX_BATCH_EVENTS.toLocaleString("en-US")} items, is a 400.`,
      body: documentedBatchSchema,
      bodyExample: {
        batch: [
          { type: "track", anonymousId: "a-1", event: "Order Completed", properties: { revenue: 89 } },
          { type: "identify", userId: "u-42", anonymousId: "a-1" },
        ],
      },
      maxBytes: MAX_BATCH_BYTES,
      response: {
        status: 200,
        description: "The good items stored; the bad ones listed",
        schema: batchAnswerSchema,
        example: {
          success: true,
          accepted: 1,
          stored: 1,
          duplicates: 0,
          failed: [{ index: 1, issues: [{ path: "userId", message: "userId or anonymousId is required" }] }],
        },
      },
    },
  ],
});
