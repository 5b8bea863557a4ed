import { headers } from "next/headers";
import { config } from "@/lib/config/config";
import { dashboardHref, STORE_ORIGIN_HEADER } from "../store-origin";

/** Where a storefront page links to a dashboard path: the dashboard's own origin when the page is on the store's. */
export async function dashboardLink(path: string): Promise<string> {
  const h = await headers();
  const request = {
    storeOrigin: h.has(STORE_ORIGIN_HEADER),
    host: h.get("host"),
    https: h.get("x-forwarded-proto") === "https",
  };
  return dashboardHref(path, request, config().PORT);
}
