// window.personalize once the SDK has loaded. Every method but init waits for
// init; push keeps the pre-load stub's push(["method", ...args]) working.
import { SDK_VERSION } from "./constants";
import { decide, experiment } from "./decide";
import { identify, page, reset, track } from "./events";
import { afterInit, init } from "./init";
import { warn } from "./log";
import { flush } from "./queue";

/** A call queued on the stub: the method's name, then its arguments. */
export type StubCall = [method: string, ...args: unknown[]];

export const api = {
  version: SDK_VERSION,
  init,
  decide: afterInit(decide),
  experiment: afterInit(experiment),
  track: afterInit(track),
  page: afterInit(page),
  identify: afterInit(identify),
  reset: afterInit(reset),
  flush: afterInit(() => flush()),
  /** The stub's push(["method", ...args]) keeps working once loaded. */
  push(call: StubCall): unknown {
    const method = call && (api as Record<string, unknown>)[call[0]];
    if (typeof method === "function" && call[0] !== "push") return method.apply(api, call.slice(1));
    warn("unknown call " + (call && call[0]));
  },
};

export type PersonalizeApi = typeof api;
