import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { formatDateTime } from "@/lib/format";

type Merge = {
  id: string;
  mergedProfileId: string;
  reason: string;
  linkedBy: string;
  details: unknown;
  createdAt: Date;
};

/**
 * "events: 12 · identities: 2" from a merge's details. Their exact shape
 * belongs to identity resolution, so any flat object is shown as it is.
 */
function movedText(details: unknown): string {
  if (!details || typeof details !== "object" || Array.isArray(details)) return "";
  return Object.entries(details as Record<string, unknown>)
    .map(
      ([key, value]) =>
        `${key.replace(/_/g, " ")}: ${typeof value === "string" || typeof value === "number" ? value : JSON.stringify(value)}`,
    )
    .join(" · ");
}

/** The profiles merged into this one by identity resolution, newest first. */
export function MergeCard({ merges }: { merges: Merge[] }) {
  return (
    <Card>
      <CardHeader>
        <CardTitle>Merges</CardTitle>
        <CardDescription>Profiles found to be the same person and folded into this one.</CardDescription>
      </CardHeader>
      <CardContent className="py-2">
        {merges.length > 0 ? (
          <ol className="divide-y divide-gray-100 text-sm" aria-label="Merges">
            {merges.map((m) => {
              const moved = movedText(m.details);
              return (
                <li key={m.id} className="space-y-0.5 py-2">
                  <div className="flex flex-wrap items-baseline justify-between gap-x-3">
                    <span>
                      Merged <code className="font-mono text-xs">{m.mergedProfileId}</code> on {m.reason}
                    </span>
                    <time dateTime={m.createdAt.toISOString()} className="text-xs text-gray-500">
                      {formatDateTime(m.createdAt)}
                    </time>
                  </div>
                  <p className="text-xs text-gray-500">
                    Linked by {m.linkedBy}
                    {moved ? ` · moved ${moved}` : ""}
                  </p>
                </li>
              );
            })}
          </ol>
        ) : (
          <p className="py-2 text-sm text-gray-500">No merge: no other profile has been found to be this person.</p>
        )}
      </CardContent>
    </Card>
  );
}
