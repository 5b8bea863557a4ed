// init: starts the SDK once. Calls made before it wait in `waiting` and are
// replayed by it, so `personalize.track(...)` works whenever it is called.
import { ANTI_FLICKER_MS, hide } from "./anti-flicker";
import { trackClicks } from "./clicks";
import { config, configure } from "./config";
import { decide } from "./decide";
import { page } from "./events";
import { loadIds, rememberUser } from "./ids";
import { warn } from "./log";
import { previewToken } from "./preview";
import { flush } from "./queue";
import type { Decisions, InitOptions } from "./types";

/** The script tag that loaded the SDK. Only set while the file first runs (also when async/defer), so read now. */
export const script = document.currentScript as HTMLScriptElement | null;

let waiting: (() => void)[] = []; // calls made before init, replayed by init

function scriptOrigin(): string {
  try {
    return script && script.src ? new URL(script.src, window.location.href).origin : "";
  } catch {
    return "";
  }
}

/**
 * Starts the SDK once: ids, anti-flicker, the calls made before init, the
 * automatic page view, and the first decide (`placements`, else every
 * [data-placement] on the page; `placements: []` for none). Resolves with
 * that first decide's decisions.
 */
export function init(options?: InitOptions): Promise<Decisions> {
  if (config) {
    warn("init called twice; the first call wins");
    return Promise.resolve({});
  }
  options = options || ({} as InitOptions);
  if (!options.key) {
    warn("init needs a key");
    return Promise.resolve({});
  }
  configure(options, scriptOrigin);
  loadIds();
  previewToken(); // a preview link's token is kept now, on the page it opened, even if this page decides nothing
  if (options.userId) rememberUser(String(options.userId), options.userHash);

  const antiFlicker = options.antiFlicker;
  if (antiFlicker !== false) hide((antiFlicker && antiFlicker.timeout) || ANTI_FLICKER_MS);

  document.addEventListener("visibilitychange", () => {
    if (document.visibilityState === "hidden") flush(true);
  });
  window.addEventListener("pagehide", () => flush(true));
  if (options.trackClicks !== false) trackClicks();

  // Replayed first, so an identify made before init applies to the page view.
  const calls = waiting;
  waiting = [];
  calls.forEach((call) => call());
  if (options.autoPage !== false) page();
  return decide(options.placements);
}

/** `method`, run now if init has run, else when it does (then resolving with its result). */
export function afterInit<A extends unknown[], R>(method: (...args: A) => R): (...args: A) => R | Promise<R> {
  return (...args) => {
    if (config) return method(...args);
    return new Promise((resolve) => {
      waiting.push(() => resolve(method(...args)));
    });
  };
}
