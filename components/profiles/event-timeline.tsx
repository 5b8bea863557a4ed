"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import { useEffect, useId, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Select } from "@/components/ui/select";
import { loadTimeline } from "@/lib/profiles/actions";
import { formatInteger } from "@/lib/format";
import type { TimelineCursor } from "@/lib/profiles/schema";
import { TimelineEvent } from "./timeline-event";

type Props = { workspaceId: string; profileId: string; eventNames: { name: string; count: number }[] };

/**
 * The profile's events, newest first, 50 at a time: the next page loads when
 * the end of the list scrolls into view, or with the "Load more" button.
 */
export function EventTimeline({ workspaceId, profileId, eventNames }: Props) {
  const [name, setName] = useState("");
  const timeline = useInfiniteQuery({
    queryKey: ["profile-timeline", workspaceId, profileId, name],
    queryFn: async ({ pageParam }) => {
      const result = await loadTimeline({ workspaceId, profileId, name: name || null, cursor: pageParam });
      if (!result.ok) throw new Error(result.error.message);
      return result.data;
    },
    initialPageParam: null as TimelineCursor | null,
    getNextPageParam: (last) => last.nextCursor,
  });
  const { hasNextPage, isFetchingNextPage, isFetchNextPageError, fetchNextPage } = timeline;
  const filterId = useId();
  const sentinel = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const element = sentinel.current;
    // After a failed page, only the button retries: the sentinel would retry in a loop.
    if (!element || !hasNextPage || isFetchingNextPage || isFetchNextPageError) return;
    // Re-created after each page, so a sentinel still in view keeps loading until the list outgrows the screen.
    const observer = new IntersectionObserver(
      (entries) => entries.some((e) => e.isIntersecting) && void fetchNextPage(),
      { rootMargin: "200px" },
    );
    observer.observe(element);
    return () => observer.disconnect();
  }, [hasNextPage, isFetchingNextPage, isFetchNextPageError, fetchNextPage]);
  const events = timeline.data?.pages.flatMap((page) => page.events) ?? [];

  return (
    <Card>
      <CardHeader className="flex flex-wrap items-center justify-between gap-3">
        <CardTitle>Timeline</CardTitle>
        <div className="flex items-center gap-2 text-sm text-gray-600">
          <label htmlFor={filterId}>Event</label>
          <Select id={filterId} value={name} onChange={(e) => setName(e.target.value)} className="w-60">
            <option value="">All events</option>
            {eventNames.map((n) => (
              <option key={n.name} value={n.name}>
                {n.name} ({formatInteger(n.count)})
              </option>
            ))}
          </Select>
        </div>
      </CardHeader>
      <CardContent className="py-2">
        {timeline.isPending ? (
          <p className="py-4 text-sm text-gray-500">Loading events…</p>
        ) : timeline.isError && events.length === 0 ? (
          <p role="alert" className="py-4 text-sm text-red-600">
            {timeline.error.message}
          </p>
        ) : events.length === 0 ? (
          <p className="py-4 text-sm text-gray-500">
            {name ? `No “${name}” event for this profile.` : "No event for this profile yet."}
          </p>
        ) : (
          <ol className="divide-y divide-gray-100" aria-label="Events">
            {events.map((event) => (
              <TimelineEvent key={event.id} event={event} />
            ))}
          </ol>
        )}
        <div ref={sentinel} className="flex items-center justify-center gap-3 py-3 text-sm text-gray-500">
          {hasNextPage ? (
            <Button variant="secondary" loading={isFetchingNextPage} onClick={() => void fetchNextPage()}>
              Load more
            </Button>
          ) : events.length > 0 ? (
            <span>
              {formatInteger(events.length)} events: the whole history{name ? ` of “${name}”` : ""}.
            </span>
          ) : null}
          {isFetchNextPageError ? (
            <span role="alert" className="text-red-600">
              {timeline.error?.message}
            </span>
          ) : null}
        </div>
      </CardContent>
    </Card>
  );
}
