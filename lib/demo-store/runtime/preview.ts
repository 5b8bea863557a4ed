import { cookies } from "next/headers";
import { readPreviewToken } from "@/lib/experiments/preview-token";
import { PREVIEW_COOKIE } from "../cookies";

/**
 * The marketer's preview this request belongs to, if any, checked against the
 * workspace's salt (a bad or expired token is ignored: an ordinary visit).
 * Server-rendered pages read the link's token from the cookie proxy.ts keeps;
 * the browser SDK sends cookies to no one, so its decide calls carry the
 * token in the body (`preview`, kept for the tab by lib/sdk/browser/preview.ts).
 * Every decision of a previewed visit shows the variation and records nothing.
 */
export async function demoPreview(workspace: { id: string; identitySalt: string }, bodyToken?: string) {
  const token = bodyToken ?? (await cookies()).get(PREVIEW_COOKIE)?.value;
  return token ? readPreviewToken(token, workspace.id, workspace.identitySalt, Date.now()) : null;
}
