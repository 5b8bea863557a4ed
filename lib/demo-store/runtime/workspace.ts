import { connection } from "next/server";
import { config } from "@/lib/config/config";
import { db } from "@/lib/db/client";
import { DEMO_SLUG } from "../workspace-slug";

/**
 * The demo storefront's workspace (the seeded "Demo Store"); null when there
 * is none (the storefront then says so). Every storefront read starts here, so
 * this is where the storefront leaves prerendering: it reads the database at
 * request time, never at build time (a build needs no database).
 */
export async function demoWorkspace() {
  await connection();
  return db.workspace.findUnique({
    where: { slug: DEMO_SLUG },
    select: { id: true, identitySalt: true, storePlainPii: true, corsOrigins: true },
  });
}

/** The demo storefront is on unless DEMO_STORE=off (it writes events to the demo workspace without a key). */
export const demoStoreEnabled = () => config().DEMO_STORE === "on";
