"use client";

import { useEffect, useRef } from "react";
import { withSdk } from "./sdk";

// Shown until (and unless) the SDK fills the slot. Passed as __html so that
// React never touches the children the SDK replaces.
const DEFAULT_MARKUP = "<p>Complete the look with our accessories.</p>";

/**
 * The `cart-upsell` placement, decided and filled by the SDK in the browser
 * (the client-side path, unlike the server-decided slots). It asks on mount,
 * which covers both a first load and a client-side navigation here.
 */
export function CartUpsell() {
  const asked = useRef(false);
  useEffect(() => {
    if (asked.current) return;
    asked.current = true;
    withSdk((sdk) => void sdk.decide(["cart-upsell"]));
  }, []);
  return (
    <aside
      aria-label="Recommended for you"
      className="rounded-lg border border-dashed border-accent-200 bg-accent-50 px-5 py-4 text-accent-800"
    >
      <div
        data-placement="cart-upsell"
        data-testid="cart-upsell"
        className="[&_a]:font-medium [&_a]:underline [&_strong]:font-semibold"
        dangerouslySetInnerHTML={{ __html: DEFAULT_MARKUP }}
      />
    </aside>
  );
}
