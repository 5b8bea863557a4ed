import type { Config, InitOptions } from "./types";

/** Set once, by the first init with a key; null before. */
export let config: Config | null = null;

const trimSlashes = (url: string) => url.replace(/\/+$/, "");

/** Fixes where requests go: `host`, else the script's origin, else the page's; decisions to `decideHost`, else there too. */
export function configure(options: InitOptions, scriptOrigin: () => string): void {
  const host = trimSlashes(options.host || scriptOrigin() || window.location.origin);
  config = { key: options.key, host, decideHost: trimSlashes(options.decideHost || host) };
}

/** POSTs `body` to `path` at `host` (the configured host by default), without cookies. Only called after init. */
export function post(path: string, body: string, init: RequestInit, host?: string): Promise<Response> {
  return window.fetch(
    (host || config!.host) + path,
    Object.assign({ method: "POST", body, credentials: "omit" as const }, init),
  );
}
