import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { formatDate } from "@/lib/format";
import type { IdentityView } from "@/lib/profiles/identities";

/** The identifiers that resolve to this profile; personal ones only as the start of their hash. */
export function IdentityCard({ identities }: { identities: IdentityView[] }) {
  return (
    <Card>
      <CardHeader>
        <CardTitle>Identities</CardTitle>
        <CardDescription>Emails and phone numbers are stored only as salted hashes.</CardDescription>
      </CardHeader>
      <CardContent className="py-2">
        {identities.length > 0 ? (
          <ul className="divide-y divide-gray-100 text-sm" aria-label="Identities">
            {identities.map((identity) => (
              <li key={identity.id} className="flex items-start justify-between gap-3 py-2">
                <span className="min-w-0">
                  <span className="mr-2 text-xs text-gray-500">{identity.label}</span>
                  <code
                    className="font-mono text-xs break-all text-gray-900"
                    title={identity.hashed ? "First 8 characters of the SHA-256 hash" : undefined}
                  >
                    {identity.value}
                  </code>
                  {identity.plain ? <span className="block break-all text-gray-700">{identity.plain}</span> : null}
                </span>
                <span className="shrink-0 text-xs leading-5 text-gray-500">since {formatDate(identity.createdAt)}</span>
              </li>
            ))}
          </ul>
        ) : (
          <p className="py-2 text-sm text-gray-500">No identity: this profile was created without an identifier.</p>
        )}
      </CardContent>
    </Card>
  );
}
