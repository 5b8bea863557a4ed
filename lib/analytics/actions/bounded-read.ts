import { ActionError } from "@/lib/actions/result";
import { SegmentQueryTimeout } from "@/lib/segments/db/with-statement-timeout";

/** A dashboard read; past its statement timeout, a refusal that says what to do instead of an internal error. */
export async function boundedRead<T>(read: () => Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (error) {
    if (error instanceof SegmentQueryTimeout)
      throw new ActionError(
        "invalid_input",
        `Counting this took longer than ${error.timeoutMs >= 1000 ? `${Math.round(error.timeoutMs / 1000)} s` : `${error.timeoutMs} ms`} and was stopped: choose fewer days, or a simpler question`,
      );
    throw error;
  }
}
