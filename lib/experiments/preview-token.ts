import { createHmac, timingSafeEqual } from "node:crypto";

/** What a preview link forces: one experiment's variation, until it expires. */
export type PreviewClaim = { workspaceId: string; experimentId: string; variationId: string; expiresAt: number };

/** How long a preview link works. */
export const PREVIEW_TTL_MS = 24 * 60 * 60 * 1000;
const MAX_TOKEN = 600;

const b64 = (data: Buffer | string) => Buffer.from(data).toString("base64url");
/** The HMAC key of previews: the workspace's own secret salt under a label of its own (never the emails' hashes). */
const sign = (salt: string, payload: string) => createHmac("sha256", `preview\u0000${salt}`).update(payload).digest();

/**
 * A preview token for a storefront link (`?pz_preview=<token>`): the claim
 * as base64url JSON and its HMAC-SHA256 under the workspace's secret salt.
 * It forces the variation for whoever holds the link, and its decisions are
 * never recorded as exposures, so it can do no more than show content.
 */
export function previewToken(claim: PreviewClaim, salt: string): string {
  const payload = b64(
    JSON.stringify({ w: claim.workspaceId, e: claim.experimentId, v: claim.variationId, x: claim.expiresAt }),
  );
  return `${payload}.${b64(sign(salt, payload))}`;
}

/** The claim of a token made for this workspace and not expired, else null (any tampering, another workspace, too long). */
export function readPreviewToken(token: string, workspaceId: string, salt: string, now: number): PreviewClaim | null {
  if (token.length > MAX_TOKEN) return null;
  const [payload, mac, extra] = token.split(".");
  if (!payload || !mac || extra !== undefined) return null;
  const expected = sign(salt, payload);
  const given = Buffer.from(mac, "base64url");
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  try {
    const c = JSON.parse(Buffer.from(payload, "base64url").toString("utf8")) as Record<string, unknown>;
    if (c.w !== workspaceId || typeof c.e !== "string" || typeof c.v !== "string" || typeof c.x !== "number")
      return null;
    if (now >= c.x) return null;
    return { workspaceId, experimentId: c.e, variationId: c.v, expiresAt: c.x };
  } catch {
    return null;
  }
}
