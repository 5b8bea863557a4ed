// npm run create-admin -- --workspace "My Store" --email you@example.com --name "Your Name"
// (the password on standard input): a workspace and its first admin, for an installation without the demo.
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { z } from "zod";
import { configOrExit } from "@/lib/config/config";
import { disconnectDb } from "@/lib/db/client";
import { PUBLISHED_DEMO_PASSWORDS } from "@/lib/demo-store/demo-users";
import { newPasswordSchema } from "@/lib/members/schema";
import { createWorkspaceWithAdmin } from "@/lib/workspaces/db/create-workspace";

const config = configOrExit("create-admin");
const { values } = parseArgs({
  options: { workspace: { type: "string" }, email: { type: "string" }, name: { type: "string" } },
});
const input = z
  .object({
    workspace: z.string({ error: "--workspace is required" }).trim().min(1).max(100),
    email: z.string({ error: "--email is required" }).trim().email("--email must be an email"),
    name: z.string({ error: "--name is required" }).trim().min(1).max(100),
    password: newPasswordSchema.refine(
      (p) => !PUBLISHED_DEMO_PASSWORDS.has(p),
      "that password is published (the demo's)",
    ),
  })
  .safeParse({ ...values, password: readFileSync(0, "utf8").replace(/\r?\n$/, "") });
if (!input.success) {
  for (const issue of input.error.issues)
    console.error(`[create-admin] ${issue.path.join(".") || "input"}: ${issue.message}`);
  process.exit(2);
}
if (!config.DATABASE_URL) {
  console.error("[create-admin] DATABASE_URL is required: the database of the installation");
  process.exit(2);
}
const created = await createWorkspaceWithAdmin({
  workspaceName: input.data.workspace,
  email: input.data.email,
  name: input.data.name,
  password: input.data.password,
});
console.log(
  `[create-admin] workspace "${input.data.workspace}" at /w/${created.workspaceSlug}; ${input.data.email} is its admin` +
    (created.userCreated ? "" : " (an existing account, password unchanged)"),
);
await disconnectDb();
