"use client";

import Script from "next/script";
import { startSdk } from "./sdk";

/**
 * Loads the browser SDK and initialises it for the storefront. Not through the
 * script tag's data attributes: the host must be absolute (origin +
 * "/demo-store"), which only the browser knows.
 */
export function SdkScript({ userId }: { userId: string | null }) {
  return <Script src="/sdk.js" strategy="afterInteractive" onLoad={() => startSdk(userId)} />;
}
