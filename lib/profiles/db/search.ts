import { Prisma } from "@/lib/generated/prisma/client";
import { storedIdentityValue } from "@/lib/identity/normalize";
import { escapeLike } from "../escape-like";

/**
 * The WHERE fragment (on `profiles p`) of a profile search, parameterized:
 * - an email or phone identity equal to the term hashed with the workspace's
 *   salt (the identities' unique index; the plain value is never stored),
 * - a user id equal to or starting with the term, an anonymous id equal to it,
 * - any trait value containing the term, case-insensitively.
 * The trait test first runs a cheap `traits::text ILIKE` and only checks the
 * values of the rows that pass it (so keys like "email" do not match every
 * row); jsonb escapes quotes, backslashes and control characters in that
 * text, so a term holding one skips the shortcut.
 */
export function profileSearchCondition(workspace: { id: string; identitySalt: string }, term: string): Prisma.Sql {
  const hashes = (["email", "phone"] as const)
    .map((type) => storedIdentityValue(type, term, workspace.identitySalt))
    .filter((v): v is string => v !== null);
  const contains = `%${escapeLike(term)}%`;
  const skipShortcut = /["\\\u0000-\u001f]/.test(term);
  return Prisma.sql`(
    p.id IN (
      SELECT i.profile_id FROM identities i
      WHERE i.workspace_id = ${workspace.id}
        AND ((i.type IN ('email', 'phone') AND i.value = ANY(${hashes}::text[]))
          OR (i.type = 'user_id' AND i.value LIKE ${`${escapeLike(term)}%`})
          OR (i.type = 'anonymous_id' AND i.value = ${term})))
    OR ((${skipShortcut}::boolean OR p.traits::text ILIKE ${contains})
      AND EXISTS (
        SELECT 1 FROM jsonb_each_text(CASE WHEN jsonb_typeof(p.traits) = 'object' THEN p.traits ELSE '{}'::jsonb END) t
        WHERE t.value ILIKE ${contains})))`;
}
