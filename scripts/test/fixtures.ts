import { randomBytes } from "node:crypto";
import { db } from "@/lib/db/client";
import type { Role } from "@/lib/members/roles";
import { DEFAULT_SCOPES, apiKeyPrefix, generateApiKey, hashApiKey, type ApiKeyKind } from "@/lib/api-keys/secret";
import { generateIdentitySecret } from "@/lib/identity/identity-secret";
import { userHash } from "@/lib/identity/signed-user-id";

const uid = () => randomBytes(5).toString("hex");

/**
 * A workspace with one user per requested role, written straight to the test
 * database (fixtures for integration tests; passwords are not needed there).
 */
export async function createTestWorkspace(name: string, roles: Role[] = ["admin", "editor", "viewer"]) {
  const workspace = await db.workspace.create({
    data: { name, slug: `${name.toLowerCase().replace(/\W+/g, "-")}-${uid()}`, identitySalt: uid() },
  });
  const members: Record<string, { userId: string; membershipId: string; email: string }> = {};
  for (const role of roles) {
    const email = `${role}-${uid()}@test.example`;
    const user = await db.user.create({ data: { email, name: `${role} of ${name}`, passwordHash: "x" } });
    const membership = await db.membership.create({ data: { workspaceId: workspace.id, userId: user.id, role } });
    members[role] = { userId: user.id, membershipId: membership.id, email };
  }
  const member = (role: Role) => {
    const found = members[role];
    if (!found) throw new Error(`no ${role} in fixture ${name}`);
    return found;
  };
  return { workspace, member };
}

/** An active API key of the given kind for a workspace; returns its secret. */
export async function createTestApiKey(workspaceId: string, kind: ApiKeyKind = "write"): Promise<string> {
  const key = generateApiKey(kind);
  await db.apiKey.create({
    data: {
      workspaceId,
      name: `test ${kind}`,
      prefix: apiKeyPrefix(key),
      hash: hashApiKey(key),
      scopes: DEFAULT_SCOPES[kind],
    },
  });
  return key;
}

/**
 * An identity secret for a workspace, as the storefront's server would hold it; returns a signer that adds the
 * userHash to a body naming a userId (what a client key's call must carry for its userId to count).
 */
export async function createTestIdentitySecret(workspaceId: string) {
  const secret = generateIdentitySecret();
  await db.identitySecret.create({ data: { workspaceId, secret, prefix: secret.slice(0, 10) } });
  const signed = <B extends { userId?: string | number }>(body: B): B & { userHash?: string } =>
    body.userId === undefined ? body : { ...body, userHash: userHash(secret, String(body.userId)) };
  return { secret, signed };
}
