import { MAX_BATCH_BYTES } from "@/lib/events/limits";
import type { SegmentMessage } from "./messages";

/** One request body, already UTF-8 encoded (so sending costs no encoding), and the messageIds it carries (by position). */
export type Batch = { body: Uint8Array<ArrayBuffer>; messageIds: string[] };

const utf8 = new TextEncoder();
const ENVELOPE = Buffer.byteLength('{"batch":[]}');

/**
 * Cuts the messages into `/v1/batch` bodies of at most `size` messages and
 * at most the API's byte limit (as Segment's libraries do: a batch is flushed
 * early when the next message would not fit).
 */
export function buildBatches(messages: SegmentMessage[], size: number, maxBytes = MAX_BATCH_BYTES): Batch[] {
  const batches: Batch[] = [];
  let parts: string[] = [];
  let ids: string[] = [];
  let bytes = ENVELOPE;
  const flush = () => {
    if (parts.length === 0) return;
    batches.push({ body: utf8.encode(`{"batch":[${parts.join(",")}]}`), messageIds: ids });
    parts = [];
    ids = [];
    bytes = ENVELOPE;
  };
  for (const message of messages) {
    const json = JSON.stringify(message);
    const length = Buffer.byteLength(json) + 1;
    if (parts.length >= size || (parts.length > 0 && bytes + length > maxBytes)) flush();
    parts.push(json);
    ids.push(message.messageId);
    bytes += length;
  }
  flush();
  return batches;
}
