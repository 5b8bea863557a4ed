import { consentFromMessage, type ConsentChoices } from "./consent";
import type { Message, MessageType } from "./schema";

/** An accepted message, ready for identity resolution and storage. */
export type NormalizedEvent = {
  type: MessageType;
  /** Event name for track, page/screen name, or the type's own name. */
  name: string;
  messageId: string;
  occurredAt: Date;
  properties: Record<string, unknown>;
  context: Record<string, unknown>;
  /** Traits an identify (or group) sets on the profile, without consent. */
  traits: Record<string, unknown> | null;
  anonymousId?: string;
  userId?: string;
  /** alias: the id being aliased to userId. */
  previousId?: string;
  email?: string;
  phone?: string;
  consent: ConsentChoices | null;
  /** When its consent choices were made, if not when it happened (a client key's: when they arrived, not the page's clock). */
  consentAt?: Date;
  /** The numeric `revenue` property (Segment's e-commerce spec), if any. */
  revenue: number | null;
  /** When the API received it (stored as received_at; ingest's own time when absent). */
  receivedAt?: Date;
};

const TYPE_NAMES: Record<MessageType, string> = {
  track: "",
  identify: "Identify",
  page: "Page Viewed",
  screen: "Screen Viewed",
  alias: "Alias",
  group: "Group",
};

/**
 * When the event happened. Segment's rule: with both `sentAt` and
 * `originalTimestamp`, the device clock's skew is removed:
 * `receivedAt − (sentAt − originalTimestamp)`; else `timestamp`, else
 * `originalTimestamp`, else the time it was received.
 */
export function eventTime(
  message: Pick<Message, "timestamp" | "originalTimestamp" | "sentAt">,
  receivedAt: Date,
): Date {
  if (message.sentAt && message.originalTimestamp) {
    const skewed = Date.parse(message.sentAt) - Date.parse(message.originalTimestamp);
    return new Date(receivedAt.getTime() - skewed);
  }
  const given = message.timestamp ?? message.originalTimestamp;
  return given ? new Date(given) : receivedAt;
}

const stringOf = (value: unknown) => (typeof value === "string" && value.trim() ? value.trim() : undefined);

/**
 * Turns a valid Segment message into the stored event. `newMessageId` gives
 * an id to messages that came without one; `keepPii` false drops email and
 * phone from the traits (they are still used, hashed, as identities).
 * `identityClaims` false (a client key's message: anyone may send any email)
 * keeps them as traits only: they are never used to join profiles, and its
 * consent choices are dated when they arrived.
 */
export function normalizeMessage(
  message: Message,
  receivedAt: Date,
  options: { newMessageId: () => string; keepPii: boolean; identityClaims?: boolean },
): NormalizedEvent {
  const traits = "traits" in message && message.traits ? { ...message.traits } : null;
  const context = message.context ?? {};
  const contextTraits = (context.traits ?? undefined) as Record<string, unknown> | undefined;
  const consent = consentFromMessage(traits ?? undefined, context);
  if (traits) delete traits.consent;
  const email = stringOf(traits?.email) ?? stringOf(contextTraits?.email);
  const phone = stringOf(traits?.phone) ?? stringOf(contextTraits?.phone);
  if (traits && !options.keepPii) {
    delete traits.email;
    delete traits.phone;
  }
  const properties = "properties" in message && message.properties ? message.properties : {};
  const revenue =
    typeof properties.revenue === "number" && Number.isFinite(properties.revenue) ? properties.revenue : null;
  const named =
    message.type === "track"
      ? message.event
      : message.type === "page" || message.type === "screen"
        ? (message.name ?? TYPE_NAMES[message.type])
        : TYPE_NAMES[message.type];
  return {
    type: message.type,
    name: named,
    messageId: message.messageId ?? options.newMessageId(),
    occurredAt: eventTime(message, receivedAt),
    properties: message.type === "group" ? { groupId: message.groupId, ...(traits ? { traits } : {}) } : properties,
    context,
    traits: message.type === "identify" ? traits : null,
    anonymousId: message.anonymousId,
    userId: message.userId,
    previousId: message.type === "alias" ? message.previousId : undefined,
    email: options.identityClaims === false ? undefined : email,
    phone: options.identityClaims === false ? undefined : phone,
    consent,
    ...(consent && options.identityClaims === false ? { consentAt: receivedAt } : {}),
    revenue,
    receivedAt,
  };
}
