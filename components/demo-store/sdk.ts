// The storefront's handle on the browser SDK (/sdk.js, built from
// lib/sdk/browser/). Calls made before the SDK is initialised wait here, not
// on the SDK's own stub, so that they run after init and identify: a "Product
// Viewed" on the first page after signing in then carries the user id.

import { USER_ID_STORAGE_KEY } from "@/lib/sdk/browser/constants";

type Properties = Record<string, unknown>;

/** The part of window.personalize the storefront uses. */
export type PersonalizeSdk = {
  init(options: {
    key: string;
    host: string;
    antiFlicker?: false | { timeout: number };
    autoPage?: boolean;
    placements?: string[];
  }): Promise<unknown>;
  decide(placements?: string[]): Promise<unknown>;
  track(event: string, properties?: Properties): void;
  page(name?: string, properties?: Properties): void;
  identify(userId: string, traits?: Properties): void;
  flush(): void;
  reset(): void;
};

declare global {
  interface Window {
    personalize?: PersonalizeSdk | unknown[];
  }
}

let sdk: PersonalizeSdk | null = null;
let pending: ((api: PersonalizeSdk) => void)[] = [];

/** Runs `call` with the SDK now if it is ready, else once it is; a page without the SDK (blocked script) simply never runs it. */
export function withSdk(call: (api: PersonalizeSdk) => void): void {
  if (sdk) call(sdk);
  else pending.push(call);
}

function storedUserId(): string | null {
  try {
    return window.localStorage.getItem(USER_ID_STORAGE_KEY); // where the SDK's identify() remembers the user
  } catch {
    return null;
  }
}

/**
 * Initialises the SDK once sdk.js has loaded: the demo storefront's
 * same-origin API, no anti-flicker (server-decided slots do not flicker; the
 * only SDK-filled slot decides itself on mount, hence `placements: []`).
 */
export function startSdk(userId: string | null): void {
  const api = window.personalize;
  if (sdk || !api || Array.isArray(api)) return;
  // Before init, so init replays it ahead of the automatic page view.
  if (userId) api.identify(userId);
  // Signed out some other way than "Shopping as" (cookie expired): forget the customer.
  else if (storedUserId()) api.reset();
  void api.init({
    key: "demo",
    host: `${window.location.origin}/demo-store`,
    antiFlicker: false,
    autoPage: true,
    placements: [],
  });
  sdk = api;
  const calls = pending;
  pending = [];
  calls.forEach((call) => call(api));
}
