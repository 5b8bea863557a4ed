import { Badge, type BadgeTone } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { formatDate, formatDateTime } from "@/lib/format";
import type { ConsentState } from "@/lib/profiles/consent";

type Change = { id: bigint; purpose: string; granted: boolean; source: string; changedAt: Date };

const STATUS: Record<ConsentState["status"], { text: string; tone: BadgeTone }> = {
  granted: { text: "Granted", tone: "success" },
  denied: { text: "Denied", tone: "danger" },
  not_set: { text: "Not set", tone: "neutral" },
};

/** Consent per purpose as it stands, then every change that led there, newest first. */
export function ConsentCard({ states, changes }: { states: ConsentState[]; changes: Change[] }) {
  return (
    <Card>
      <CardHeader>
        <CardTitle>Consent</CardTitle>
        <CardDescription>What this person allowed, per purpose, and since when.</CardDescription>
      </CardHeader>
      <CardContent className="space-y-4">
        <ul className="space-y-2 text-sm" aria-label="Consent by purpose">
          {states.map((s) => (
            <li key={s.purpose} className="flex items-center justify-between gap-3">
              <span className="text-gray-900 capitalize">{s.purpose}</span>
              <span className="flex items-center gap-2">
                {s.since ? <span className="text-xs text-gray-500">since {formatDate(s.since)}</span> : null}
                <Badge tone={STATUS[s.status].tone}>{STATUS[s.status].text}</Badge>
              </span>
            </li>
          ))}
        </ul>
        <div>
          <h3 className="mb-1 text-xs font-medium text-gray-500">History</h3>
          {changes.length > 0 ? (
            <ol className="divide-y divide-gray-100 text-sm" aria-label="Consent history">
              {changes.map((c) => (
                <li key={String(c.id)} className="flex flex-wrap items-baseline justify-between gap-x-3 py-1.5">
                  <span>
                    <span className="capitalize">{c.purpose}</span> {c.granted ? "granted" : "denied"}
                    <span className="text-gray-500"> · via {c.source.replace(/_/g, " ")}</span>
                  </span>
                  <time dateTime={c.changedAt.toISOString()} className="text-xs text-gray-500">
                    {formatDateTime(c.changedAt)}
                  </time>
                </li>
              ))}
            </ol>
          ) : (
            <p className="text-sm text-gray-500">No consent change recorded.</p>
          )}
        </div>
      </CardContent>
    </Card>
  );
}
