import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";

const valueText = (value: unknown) => (typeof value === "string" ? value : JSON.stringify(value));

/** Every trait of the profile, by key, with its value as stored. */
export function TraitCard({ traits }: { traits: Record<string, unknown> }) {
  const entries = Object.entries(traits).sort(([a], [b]) => a.localeCompare(b));
  return (
    <Card>
      <CardHeader>
        <CardTitle>Traits</CardTitle>
      </CardHeader>
      <CardContent className="py-2">
        {entries.length > 0 ? (
          <dl className="divide-y divide-gray-100 text-sm" aria-label="Traits">
            {entries.map(([key, value]) => (
              <div key={key} className="grid grid-cols-[minmax(0,2fr)_minmax(0,3fr)] gap-3 py-2">
                <dt className="truncate font-mono text-xs leading-5 text-gray-500" title={key}>
                  {key}
                </dt>
                <dd className="break-words text-gray-900">{valueText(value)}</dd>
              </div>
            ))}
          </dl>
        ) : (
          <p className="py-2 text-sm text-gray-500">
            No traits yet: they arrive with identify calls and customer imports.
          </p>
        )}
      </CardContent>
    </Card>
  );
}
