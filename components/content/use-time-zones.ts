"use client";

import { useSyncExternalStore } from "react";

// Neither value changes while the page is open; the server renders UTC and no list, the browser its own (no hydration mismatch).
const subscribe = () => () => {};
const browserZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;
const serverZone = () => "UTC";
let zones: string[] | undefined;
const allZones = () => (zones ??= ["UTC", ...Intl.supportedValuesOf("timeZone").filter((z) => z !== "UTC")]);
const NO_ZONES: string[] = [];
const serverZones = () => NO_ZONES;

/** The browser's IANA time zone (UTC while rendering on the server). */
export function useBrowserTimeZone(): string {
  return useSyncExternalStore(subscribe, browserZone, serverZone);
}

/** Every IANA time zone the browser knows, UTC first. */
export function useTimeZones(): string[] {
  return useSyncExternalStore(subscribe, allZones, serverZones);
}
