import { describe, expect, it } from "vitest";
import { GET as me } from "@/app/api/v1/me/route";
import { runWorkspaceAction } from "@/lib/actions/action-client";
import { db } from "@/lib/db/client";
import { createTestWorkspace } from "@/scripts/test/fixtures";
import { createApiKeyDef } from "./actions/create-api-key";
import { revokeApiKeyDef } from "./actions/revoke-api-key";

const request = (key?: string) =>
  new Request("http://localhost/api/v1/me", { headers: key ? { authorization: `Bearer ${key}` } : {} });

describe("API keys", () => {
  it("are stored only as a hash, and authenticate the public API until revoked", async () => {
    const { workspace, member } = await createTestWorkspace("Keys", ["admin"]);
    const created = await runWorkspaceAction(createApiKeyDef, member("admin").userId, {
      workspaceId: workspace.id,
      name: "Storefront",
      kind: "client",
    });
    expect(created.ok).toBe(true);
    if (!created.ok) return;
    const { key, apiKey } = created.data;

    const rows = await db.$queryRaw<
      { row: string }[]
    >`SELECT row_to_json(k)::text AS row FROM api_keys k WHERE workspace_id = ${workspace.id}`;
    expect(rows).toHaveLength(1);
    expect(rows[0]?.row).not.toContain(key);
    expect(rows[0]?.row).not.toContain(key.slice(12));
    const audit = await db.$queryRaw<
      { row: string }[]
    >`SELECT row_to_json(a)::text AS row FROM audit_logs a WHERE workspace_id = ${workspace.id}`;
    expect(audit.map((r) => r.row).join()).not.toContain(key.slice(12));

    const ok = await me(request(key));
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual({
      workspace: { id: workspace.id, name: workspace.name, slug: workspace.slug },
      scopes: ["decide", "ingest"],
    });
    await expect
      .poll(async () => (await db.apiKey.findUniqueOrThrow({ where: { id: apiKey.id } })).lastUsedAt, {
        timeout: 5_000,
      })
      .not.toBeNull(); // recorded off the request's path

    const revoked = await runWorkspaceAction(revokeApiKeyDef, member("admin").userId, {
      workspaceId: workspace.id,
      apiKeyId: apiKey.id,
    });
    expect(revoked.ok).toBe(true);
    const refused = await me(request(key));
    expect(refused.status).toBe(401);
    expect(await refused.json()).toEqual({ error: { code: "unauthorized", message: "Invalid or revoked API key" } });
  });

  it("answers 401 with the error envelope when no key is sent", async () => {
    const response = await me(request());
    expect(response.status).toBe(401);
    expect((await response.json()).error.code).toBe("unauthorized");
  });
});
