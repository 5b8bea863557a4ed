import { Badge } from "@/components/ui/badge";
import { formatDateTime } from "@/lib/format";
import type { TimelineEvent as Event } from "@/lib/profiles/actions/load-timeline";

/** One event: when, its type and name, and its properties and context behind a disclosure. */
export function TimelineEvent({ event }: { event: Event }) {
  return (
    <li className="py-2.5">
      <div className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm">
        <time dateTime={event.occurredAt} className="w-44 shrink-0 text-xs text-gray-500 tabular-nums">
          {formatDateTime(new Date(event.occurredAt))}
        </time>
        <Badge tone={event.type === "track" ? "accent" : "neutral"}>{event.type}</Badge>
        <span className="font-medium text-gray-900">{event.name}</span>
      </div>
      <details className="mt-1 sm:ml-47">
        <summary className="cursor-pointer text-xs text-gray-500 select-none hover:text-gray-800">
          Properties and context
        </summary>
        <pre className="mt-1 max-h-80 overflow-auto rounded-md bg-gray-50 p-3 font-mono text-xs text-gray-800">
          {JSON.stringify({ properties: event.properties, context: event.context }, null, 2)}
        </pre>
      </details>
    </li>
  );
}
