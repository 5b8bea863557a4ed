import { cookies, headers } from "next/headers";
import { serveDecision } from "@/lib/decide/runtime/serve-decision";
import type { Decision } from "@/lib/decide/types";
import { ANONYMOUS_COOKIE, CUSTOMER_COOKIE } from "../cookies";
import { customerOfSession } from "../customer-session";
import { demoPreview } from "./preview";
import { demoWorkspace } from "./workspace";

/**
 * Decides placements while the storefront page renders on the server (the
 * same decision the API would give), so the personalized content is in the
 * first HTML and nothing flickers.
 */
export async function decideOnPage(placements: string[], path: string): Promise<Record<string, Decision>> {
  const workspace = await demoWorkspace();
  if (!workspace) return {};
  const jar = await cookies();
  const h = await headers();
  const preview = await demoPreview(workspace);
  const result = await serveDecision(
    workspace.id,
    {
      anonymousId: jar.get(ANONYMOUS_COOKIE)?.value,
      userId: customerOfSession(workspace.identitySalt, jar.get(CUSTOMER_COOKIE)?.value) ?? undefined,
      placements,
      context: {
        path,
        url: `http://${h.get("host") ?? "localhost"}${path}`,
        referrer: h.get("referer") ?? undefined,
        userAgent: h.get("user-agent") ?? undefined,
        locale: h.get("accept-language")?.split(",")[0],
      },
    },
    { preview },
  );
  return result.decisions;
}

/** The signed-in demo customer's user id, if any (a cookie the store did not sign is no one). */
export async function demoCustomer(): Promise<string | null> {
  const workspace = await demoWorkspace();
  if (!workspace) return null;
  return customerOfSession(workspace.identitySalt, (await cookies()).get(CUSTOMER_COOKIE)?.value);
}
