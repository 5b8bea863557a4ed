import { mayHoldUnstorable, unstorablePath } from "@/lib/json/storable";
import { MAX_BATCH_EVENTS, MAX_EVENT_BYTES } from "./limits";
import { messageSchema, type Message } from "./schema";

export type ItemFailure = { index: number; issues: { path: string; message: string }[] };

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** An item's context over the batch's; a context that is not an object stays as sent, for validation to refuse (spread, a string would become its characters). */
const withContext = (shared: Record<string, unknown> | undefined, own: unknown) =>
  own === undefined ? { ...shared } : isPlainObject(own) ? { ...shared, ...own } : own;

/**
 * Checks a batch's items one by one, so that good items are kept when others
 * are bad. Items inherit the batch's `context` and `sentAt` (as Segment's
 * libraries send them); `admit` may then refuse a valid item or change it
 * (what a client key may claim, see browser-claims.ts). Pure.
 */
export function splitBatch(
  envelope: { batch: unknown[]; context?: Record<string, unknown>; sentAt?: string },
  admit: (message: Message) => { ok: true; message: Message } | { ok: false; issues: ItemFailure["issues"] } = (
    message,
  ) => ({ ok: true, message }),
): {
  valid: Message[];
  failed: ItemFailure[];
} {
  const valid: Message[] = [];
  const failed: ItemFailure[] = [];
  envelope.batch.forEach((item, index) => {
    const serialized = JSON.stringify(item ?? null);
    const size = Buffer.byteLength(serialized, "utf8");
    if (size > MAX_EVENT_BYTES) {
      failed.push({
        index,
        issues: [
          { path: "", message: `event is ${Math.ceil(size / 1024)} KB; the limit is ${MAX_EVENT_BYTES / 1024} KB` },
        ],
      });
      return;
    }
    const bad = mayHoldUnstorable(serialized) ? unstorablePath(item) : null;
    if (bad) {
      failed.push({ index, issues: [{ path: bad.path.join("."), message: bad.message }] });
      return;
    }
    const withDefaults = isPlainObject(item)
      ? { ...item, sentAt: item.sentAt ?? envelope.sentAt, context: withContext(envelope.context, item.context) }
      : item;
    const parsed = messageSchema.safeParse(withDefaults);
    if (parsed.success) {
      const admitted = admit(parsed.data);
      if (admitted.ok) valid.push(admitted.message);
      else failed.push({ index, issues: admitted.issues });
    } else
      failed.push({
        index,
        issues: parsed.error.issues.map((i) => ({ path: i.path.map(String).join("."), message: i.message })),
      });
  });
  return { valid, failed };
}

/** The refusal of a batch that is too long, or null. */
export function batchLengthProblem(length: number): string | null {
  return length > MAX_BATCH_EVENTS ? `batch holds ${length} events; the limit is ${MAX_BATCH_EVENTS}` : null;
}
