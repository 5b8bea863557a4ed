import type { Batch } from "./batches";

type BatchAnswer = {
  success?: boolean;
  accepted?: number;
  stored?: number;
  duplicates?: number;
  failed?: { index: number }[];
};

export type SendResult = {
  seconds: number;
  /** Sum of `accepted` of the 200 answers. */
  acknowledged: number;
  /** messageIds the API acknowledged (200 answer, not listed in `failed`). */
  acknowledgedIds: string[];
  storedAnswered: number;
  duplicatesAnswered: number;
  itemFailures: number;
  /** Non-200 answers (and network errors): status and body. */
  errors: { status: number; body: string }[];
  /** Wall time of each batch request, ms. */
  latenciesMs: number[];
};

/**
 * Sends every batch to `/api/v1/batch` with `clients` concurrent workers
 * (each takes the next unsent batch; fetch keeps its connections alive).
 * The clock runs from the first send to the last answer.
 */
export async function sendBatches(
  baseUrl: string,
  writeKey: string,
  batches: Batch[],
  clients: number,
): Promise<SendResult> {
  const url = `${baseUrl}/api/v1/batch`;
  const headers = {
    authorization: `Basic ${Buffer.from(`${writeKey}:`).toString("base64")}`,
    "content-type": "application/json",
  };
  const result: SendResult = {
    seconds: 0,
    acknowledged: 0,
    acknowledgedIds: [],
    storedAnswered: 0,
    duplicatesAnswered: 0,
    itemFailures: 0,
    errors: [],
    latenciesMs: [],
  };
  let next = 0;

  const worker = async () => {
    for (let i = next++; i < batches.length; i = next++) {
      const batch = batches[i]!;
      const started = performance.now();
      try {
        const response = await fetch(url, { method: "POST", headers, body: batch.body });
        const text = await response.text();
        result.latenciesMs.push(performance.now() - started);
        if (response.status !== 200) {
          result.errors.push({ status: response.status, body: text.slice(0, 2_000) });
          continue;
        }
        const answer = JSON.parse(text) as BatchAnswer;
        const failed = new Set((answer.failed ?? []).map((f) => f.index));
        result.acknowledged += answer.accepted ?? 0;
        result.storedAnswered += answer.stored ?? 0;
        result.duplicatesAnswered += answer.duplicates ?? 0;
        result.itemFailures += failed.size;
        batch.messageIds.forEach((id, index) => failed.has(index) || result.acknowledgedIds.push(id));
      } catch (error) {
        result.latenciesMs.push(performance.now() - started);
        result.errors.push({ status: 0, body: error instanceof Error ? error.message : String(error) });
      }
    }
  };

  const started = performance.now();
  await Promise.all(Array.from({ length: clients }, worker));
  result.seconds = (performance.now() - started) / 1000;
  return result;
}
