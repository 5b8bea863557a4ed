/**
 * personalize browser SDK, served at /sdk.js. No dependencies, ES2017.
 *
 *   <script async src="https://app.example/sdk.js" data-key="ck_..."></script>
 *   <div data-placement="home-hero">default markup</div>
 *
 * For a signed-in customer, also data-user-id and data-user-hash (the
 * HMAC-SHA256 of the user id that your server made with the identity secret).
 *
 * or, to call it before the file has loaded:
 *
 *   window.personalize = window.personalize || [];
 *   personalize.push(["init", { key: "ck_..." }]);
 *   personalize.push(["track", "Product Viewed", { sku: "A1" }]);
 *
 * Invariants: the only global is `window.personalize`; nothing here throws
 * into the page; a failed request leaves the page's default markup in place.
 */
// The entry point that scripts/build-sdk.ts bundles (an IIFE, ES2017) into public/sdk.js.
import { ANTI_FLICKER_MS } from "./anti-flicker";
import { api, type StubCall } from "./api";
import { config } from "./config";
import { init, script } from "./init";

/** The global: the page's stub array before load, the API after. */
const global = window as unknown as { personalize?: unknown };

function start(existing: unknown): void {
  global.personalize = api;

  // Calls queued on the stub array, in order.
  if (Array.isArray(existing)) (existing as StubCall[]).forEach(api.push);

  // Or configured by the script tag's data attributes.
  const attr = (name: string) => (script && script.getAttribute ? script.getAttribute("data-" + name) : null);
  const key = attr("key");
  if (!config && key) {
    const flicker = attr("anti-flicker");
    void init({
      key,
      host: attr("host") || undefined,
      decideHost: attr("decide-host") || undefined,
      antiFlicker:
        flicker == null
          ? undefined
          : /^(false|off|0)$/.test(flicker)
            ? false
            : { timeout: Number(flicker) || ANTI_FLICKER_MS },
      autoPage: attr("auto-page") !== "false",
      // a page rendered for a signed-in customer: their user id and the signature your server made of it
      userId: attr("user-id") || undefined,
      userHash: attr("user-hash") || undefined,
    });
  }
}

// Loaded twice (two snippets, a tag manager)? The first copy stays in charge.
const existing = global.personalize as { init?: unknown } | undefined;
if (!(existing && typeof existing.init === "function")) start(existing);
