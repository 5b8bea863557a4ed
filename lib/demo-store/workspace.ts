import { db } from "@/lib/db/client";
import { DEMO_SLUG } from "@/prisma/seed/demo";

/** The demo storefront's workspace (the seeded "Demo Store"); null when there is none (the storefront then says so). */
export async function demoWorkspace() {
  return db.workspace.findUnique({
    where: { slug: DEMO_SLUG },
    select: { id: true, identitySalt: true, storePlainPii: true, corsOrigins: true },
  });
}

/** The demo storefront is on unless DEMO_STORE=off (it writes events to the demo workspace without a key). */
export const demoStoreEnabled = () => process.env.DEMO_STORE !== "off";
