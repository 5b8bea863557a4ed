import { connection } from "next/server";
import { config } from "@/lib/config/config";
import { db } from "@/lib/db/client";
import { demoModeOn } from "../demo-mode";
import { DEMO_SLUG } from "../workspace-slug";

/**
 * The demo storefront's workspace (the seeded "Demo Store"); null when there
 * is none (the storefront then says so). Every storefront read starts here, so
 * this is where the storefront leaves prerendering: it reads the database at
 * request time, never at build time (a build needs no database).
 */
export async function demoWorkspace() {
  await connection();
  return db.workspace.findFirst({
    where: { slug: DEMO_SLUG, isDemo: true }, // a workspace seeded as a demo, never one that merely took its slug
    select: { id: true, identitySalt: true, storePlainPii: true, corsOrigins: true },
  });
}

/** Whether this process runs the demo (DEMO_MODE; npm start passes what it resolved). */
export function demoMode(): boolean {
  const { DEMO_MODE, DATABASE_URL } = config();
  return demoModeOn(DEMO_MODE, { production: process.env.NODE_ENV === "production", ownDatabase: !!DATABASE_URL });
}

/** The demo storefront is on in demo mode unless DEMO_STORE=off (it writes events to the demo workspace without a key). */
export const demoStoreEnabled = () => config().DEMO_STORE === "on" && demoMode();
