import { endpoint } from "@/lib/api/endpoint";
import { handleBatch, handleConsent, handleMessage, storeEvents, type EventSink } from "./handlers";
import { MAX_BATCH_BYTES, MAX_EVENT_BYTES } from "../limits";
import { MESSAGE_TYPES, batchEnvelopeSchema, consentBodySchema, typedMessageSchema, type MessageType } from "../schema";

const ingest = { auth: "ingest", cors: true, keyInBody: true } as const;

/**
 * The Segment-spec ingest endpoints (`/v1/track` … `/v1/batch`), defined
 * once: the app mounts them storing before it answers, the decision server
 * with its buffering sink. Keys, limits, validation and errors are the same.
 */
export function ingestEndpoints(sink: EventSink) {
  const message = (type: MessageType) =>
    endpoint({ ...ingest, maxBytes: MAX_EVENT_BYTES, body: typedMessageSchema(type) }, ({ caller, body }) =>
      handleMessage(caller.workspace, body, sink, caller.trust),
    );
  const messages = Object.fromEntries(MESSAGE_TYPES.map((type) => [type, message(type)])) as Record<
    MessageType,
    ReturnType<typeof message>
  >;
  return {
    ...messages,
    batch: endpoint(
      { ...ingest, maxBytes: MAX_BATCH_BYTES, itemsField: "batch", body: batchEnvelopeSchema },
      ({ caller, body }) => handleBatch(caller.workspace, body, sink, caller.trust),
    ),
  };
}

/**
 * `/v1/consent`, on both servers: a person's choices are committed before the answer (they decide what may be
 * stored and personalized, so they are never only buffered).
 */
export const consentEndpoint = endpoint(
  { ...ingest, maxBytes: MAX_EVENT_BYTES, body: consentBodySchema },
  ({ caller, body }) => handleConsent(caller.workspace, body, caller.trust),
);

/** The app's ingest endpoints: an acknowledged event is committed. */
export const appIngest = { ...ingestEndpoints(storeEvents), consent: consentEndpoint };
