// The demo generator's profiles turned into the Segment messages a
// storefront's server would send: page and track calls with the visitor's
// anonymousId (plus userId once signed in) and one identify call per account.
import { generateProfiles, type SeedProfile } from "@/prisma/seed/generate";

/** One Segment-spec message as sent in a `/v1/batch` body. */
export type SegmentMessage = {
  type: "track" | "page" | "identify";
  messageId: string;
  timestamp: string;
  anonymousId: string;
  userId?: string;
  event?: string;
  name?: string;
  properties?: Record<string, unknown>;
  traits?: Record<string, unknown>;
  context: Record<string, unknown>;
};

/** The events row the API stores for a message (what COPY loads too). */
export type EventRow = {
  type: string;
  name: string;
  properties: Record<string, unknown>;
  context: Record<string, unknown>;
  messageId: string;
  occurredAt: string;
};

export type MessageOptions = {
  events: number;
  seed: number;
  runId: string;
  order: "time" | "profile";
  days?: number;
  now?: Date;
};

/**
 * A profile's messages in time order. Identities are namespaced by the run id
 * (the generator's user ids are `user_<index>`, the same for every seed), so
 * no message resolves to a profile of the seeded demo.
 */
export function profileMessages(profile: SeedProfile, runId: string): SegmentMessage[] {
  const anonymousId = `${runId}-${profile.identities.find((i) => i.type === "anonymous_id")!.value}`;
  const rawUserId = profile.identities.find((i) => i.type === "user_id")?.value;
  const userId = rawUserId ? `${runId}_${rawUserId}` : undefined;
  const traits = { ...profile.traits };
  if (typeof traits.email === "string") traits.email = `${runId}.${traits.email}`;

  // Accounts made in the window are anonymous until their "Signed Up" event; older accounts are signed in throughout.
  const signUpAt = profile.events.findIndex((e) => e.name === "Signed Up");
  const out: SegmentMessage[] = [];
  const identify = (at: Date, context: Record<string, unknown>) =>
    out.push({
      type: "identify",
      messageId: `${runId}-id-${profile.index}`,
      timestamp: at.toISOString(),
      anonymousId,
      userId,
      traits,
      context,
    });
  profile.events.forEach((e, i) => {
    if (userId && i === 0 && signUpAt < 0) identify(e.occurredAt, e.context);
    const signedIn = userId && (signUpAt < 0 || i > signUpAt) ? { userId } : {};
    const common = {
      messageId: `${runId}-${e.messageId}`,
      timestamp: e.occurredAt.toISOString(),
      anonymousId,
      ...signedIn,
      context: e.context,
    };
    out.push(
      e.type === "track"
        ? { type: "track", event: e.name, properties: e.properties, ...common }
        : { type: "page", name: e.name, properties: e.properties, ...common },
    );
    if (userId && i === signUpAt) identify(e.occurredAt, e.context);
  });
  return out;
}

/** Exactly `events` messages from new demo profiles (seed `seed`), in the requested order. */
export function buildMessages(options: MessageOptions): SegmentMessage[] {
  const messages: SegmentMessage[] = [];
  for (const profile of generateProfiles({
    profiles: 10_000_000,
    days: options.days ?? 90,
    seed: options.seed,
    now: options.now,
  })) {
    messages.push(...profileMessages(profile, options.runId));
    if (messages.length >= options.events) break;
  }
  messages.length = options.events;
  // ISO strings of one format compare as their instants; sort is stable, so a profile's same-instant messages keep their order.
  if (options.order === "time")
    messages.sort((a, b) => (a.timestamp < b.timestamp ? -1 : a.timestamp > b.timestamp ? 1 : 0));
  return messages;
}

/** The row the API stores for a message (see lib/events/normalize.ts). */
export function rowOf(message: SegmentMessage): EventRow {
  const name = message.type === "track" ? message.event! : message.type === "page" ? message.name! : "Identify";
  return {
    type: message.type,
    name,
    properties: message.properties ?? {},
    context: message.context,
    messageId: message.messageId,
    occurredAt: message.timestamp,
  };
}
