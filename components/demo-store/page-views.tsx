"use client";

import { usePathname } from "next/navigation";
import { useEffect, useRef } from "react";
import { withSdk } from "./sdk";

/**
 * Sends a page view on each client-side navigation. The first page's view is
 * the SDK's own (autoPage at init), so the path rendered first is skipped; the
 * ref also keeps React's double effects in development from counting twice.
 */
export function PageViews() {
  const pathname = usePathname();
  const lastPath = useRef(pathname);
  useEffect(() => {
    if (lastPath.current === pathname) return;
    lastPath.current = pathname;
    withSdk((sdk) => sdk.page());
  }, [pathname]);
  return null;
}
