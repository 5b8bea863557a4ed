import { ApiError } from "@/lib/api/errors";
import { noteIdentityCheck } from "@/lib/identity/runtime/identity-checks";
import { SERVER_TRUST, trustedUserId, type CallerTrust, type IdentityCheck } from "@/lib/identity/signed-user-id";
import { batchLengthProblem, splitBatch, type ItemFailure } from "../batch";
import { admitMessage, callCheck, UNSIGNED_USER_ID } from "../browser-claims";
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

/**
 * Messages with their times corrected against one arrival instant, which ingest then stores as their receivedAt;
 * a client key's emails and phones stay traits (they join no profile).
 */
const normalize = (workspace: Workspace, messages: Message[], receivedAt: Date, trust: CallerTrust) =>
  messages.map((m) =>
    normalizeMessage(m, receivedAt, {
      newMessageId,
      keepPii: workspace.storePlainPii,
      identityClaims: trust.kind === "server",
    }),
  );

/** Counts a client key's call by what its userIds counted as. */
function noteCheck(workspace: Workspace, checks: (IdentityCheck | undefined)[], now: Date): void {
  const check = callCheck(checks);
  if (check) noteIdentityCheck(workspace.id, check, now.getTime());
}

/** One message (`/v1/track`, `/v1/identify`, …): `{ success: true }` once the sink took it. */
export async function handleMessage(
  workspace: Workspace,
  message: Message,
  sink: EventSink = storeEvents,
  trust: CallerTrust = SERVER_TRUST,
) {
  const receivedAt = new Date();
  const admitted = admitMessage(message, trust, receivedAt.getTime());
  noteCheck(workspace, [admitted.check], receivedAt);
  if (!admitted.ok) throw new ApiError("invalid_body", UNSIGNED_USER_ID, admitted.issues);
  await sink(workspace, normalize(workspace, [admitted.message], receivedAt, trust));
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
  trust: CallerTrust = SERVER_TRUST,
) {
  const tooLong = batchLengthProblem(envelope.batch.length);
  if (tooLong) throw new ApiError("invalid_body", tooLong, [{ path: "batch", message: tooLong }]);
  const receivedAt = new Date();
  const checks: (IdentityCheck | undefined)[] = [];
  const { valid, failed } = splitBatch(envelope, (message) => {
    const admitted = admitMessage(message, trust, receivedAt.getTime());
    checks.push(admitted.check);
    return admitted;
  });
  noteCheck(workspace, checks, receivedAt);
  if (valid.length === 0) throw new ApiError("invalid_body", "No message in the batch is valid", issuesOf(failed));
  const result = await sink(workspace, normalize(workspace, valid, receivedAt, trust));
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
  body: { anonymousId?: string; userId?: string; userHash?: string; consent: ConsentChoices; timestamp?: string },
  trust: CallerTrust = SERVER_TRUST,
) {
  const receivedAt = new Date();
  // a client key speaks for the calling visitor only (its own anonymous id, or its signed user id), and now
  const { userId, check } = trustedUserId(trust, body, receivedAt.getTime());
  noteCheck(workspace, [check], receivedAt);
  if (!userId && !body.anonymousId)
    throw new ApiError("invalid_body", UNSIGNED_USER_ID, [{ path: "userHash", message: UNSIGNED_USER_ID }]);
  const at = body.timestamp && trust.kind === "server" ? new Date(body.timestamp) : receivedAt;
  const event: NormalizedEvent = {
    type: "identify",
    name: "Consent Updated",
    messageId: newMessageId(),
    occurredAt: at,
    properties: { consent: body.consent },
    context: {},
    traits: null,
    anonymousId: body.anonymousId,
    userId,
    consent: body.consent,
    revenue: null,
  };
  const result = await ingestEvents(workspace, [event], { consentSource: "consent_api", receivedAt });
  // a client key's answer names no profile
  return trust.kind === "server" ? { success: true, profileId: result.profiles[0] } : { success: true };
}
