import { ApiError } from "@/lib/api/errors";
import { batchLengthProblem, splitBatch, type ItemFailure } from "../batch";
import { ingestEvents, type IngestWorkspace } from "./ingest";
import { newMessageId } from "../ids";
import type { ConsentChoices } from "../consent";
import { normalizeMessage, type NormalizedEvent } from "../normalize";
import type { Message } from "../schema";

/**
 * The ingest endpoints' core, shared by the app's route handlers and the
 * standalone decision server: validated bodies in, the answer body out. Where
 * the events go is the sink's business: the app stores them before it
 * answers, the decision server buffers them and stores them moments later.
 */
type Workspace = IngestWorkspace & { storePlainPii: boolean };

/** Takes accepted events; what it returns is added to a batch's answer. */
export type EventSink = (
  workspace: Workspace,
  events: NormalizedEvent[],
) => Promise<{ stored: number; duplicates: number } | { queued: number }>;

/** Stores the events in the request's own transaction: acknowledged means committed. */
export const storeEvents: EventSink = async (workspace, events) => {
  const { stored, duplicates } = await ingestEvents(workspace, events);
  return { stored, duplicates };
};

/** Messages with their times corrected against one arrival instant, which ingest then stores as their receivedAt. */
const normalize = (workspace: Workspace, messages: Message[], receivedAt: Date) =>
  messages.map((m) => normalizeMessage(m, receivedAt, { newMessageId, keepPii: workspace.storePlainPii }));

/** One message (`/v1/track`, `/v1/identify`, …): `{ success: true }` once the sink took it. */
export async function handleMessage(workspace: Workspace, message: Message, sink: EventSink = storeEvents) {
  await sink(workspace, normalize(workspace, [message], new Date()));
  return { success: true };
}

/**
 * `/v1/batch`: good items are stored even when others are bad; the answer
 * says which failed and why. A batch with no good item is a 400.
 */
export async function handleBatch(
  workspace: Workspace,
  envelope: { batch: unknown[]; context?: Record<string, unknown>; sentAt?: string },
  sink: EventSink = storeEvents,
) {
  const tooLong = batchLengthProblem(envelope.batch.length);
  if (tooLong) throw new ApiError("invalid_body", tooLong, [{ path: "batch", message: tooLong }]);
  const { valid, failed } = splitBatch(envelope);
  if (valid.length === 0) throw new ApiError("invalid_body", "No message in the batch is valid", issuesOf(failed));
  const result = await sink(workspace, normalize(workspace, valid, new Date()));
  return { success: true, accepted: valid.length, ...result, failed };
}

const issuesOf = (failed: ItemFailure[]) =>
  failed.flatMap((f) =>
    f.issues.map((i) => ({ path: ["batch", f.index, i.path].filter((x) => x !== "").join("."), message: i.message })),
  );

/**
 * `/v1/consent`: records a person's choices per purpose, with their date. The
 * change is kept in the consent history even when analytics is refused; it
 * is also an event on the timeline while analytics is allowed.
 */
export async function handleConsent(
  workspace: Workspace,
  body: { anonymousId?: string; userId?: string; consent: ConsentChoices; timestamp?: string },
) {
  const at = body.timestamp ? new Date(body.timestamp) : new Date();
  const event: NormalizedEvent = {
    type: "identify",
    name: "Consent Updated",
    messageId: newMessageId(),
    occurredAt: at,
    properties: { consent: body.consent },
    context: {},
    traits: null,
    anonymousId: body.anonymousId,
    userId: body.userId,
    consent: body.consent,
    revenue: null,
  };
  const result = await ingestEvents(workspace, [event], { consentSource: "consent_api" });
  return { success: true, profileId: result.profiles[0] };
}
