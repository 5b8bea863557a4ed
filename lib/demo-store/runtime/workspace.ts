import { connection } from "next/server";
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
  return db.workspace.findFirst({
    where: { slug: DEMO_SLUG, isDemo: true }, // a workspace seeded as a demo, never one that merely took its slug
    select: { id: true, identitySalt: true, storePlainPii: true, corsOrigins: true, requestTraits: true },
  });
}
