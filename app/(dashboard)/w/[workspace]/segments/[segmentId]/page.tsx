import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { SizeHistoryChart } from "@/components/charts/size-history-chart";
import { Pagination } from "@/components/navigation/pagination";
import { SegmentActions } from "@/components/segments/segment-actions";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { Stat } from "@/components/ui/stat";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { formatDateTime, formatInteger } from "@/lib/format";
import { describeRule } from "@/lib/segments/describe";
import { getSegment, listMembers, sizeHistory } from "@/lib/segments/db/get-segment";
import { membersWithoutMarketingConsent } from "@/lib/segments/db/export-members";
import { segmentUsage } from "@/lib/segments/db/list-segments";
import { loadSegmentRefs } from "@/lib/segments/db/load-segment-refs";
import { requireWorkspace } from "@/lib/workspaces/runtime/require-workspace";

export const metadata: Metadata = { title: "Segment" };

export default async function SegmentPage({
  params,
  searchParams,
}: {
  params: Promise<{ workspace: string; segmentId: string }>;
  searchParams: Promise<{ page?: string }>;
}) {
  const { workspace: slug, segmentId } = await params;
  const { workspace, can } = await requireWorkspace(slug);
  const segment = await getSegment(workspace.id, segmentId);
  if (!segment) notFound();
  const page = Math.max(1, Number((await searchParams).page) || 1);
  const [refs, history, members, withoutConsent, usage] = await Promise.all([
    loadSegmentRefs(workspace.id),
    sizeHistory(workspace.id, segment.id),
    listMembers(workspace.id, segment.id, page),
    membersWithoutMarketingConsent(workspace.id, segment.id),
    segmentUsage(workspace.id, [segment.id]),
  ]);
  const names = new Map([...refs].map(([id, r]) => [id, r.name]));
  const uses = usage.get(segment.id) ?? [];
  const base = `/w/${workspace.slug}/segments/${segment.id}`;
  return (
    <>
      <PageHeader
        title={
          <span className="flex items-center gap-2">
            {segment.name} <Badge tone={segment.kind === "dynamic" ? "accent" : "neutral"}>{segment.kind}</Badge>
            {segment.archivedAt && <Badge tone="warning">archived</Badge>}
          </span>
        }
        description={segment.description || undefined}
        actions={
          <SegmentActions
            workspaceId={workspace.id}
            workspaceSlug={workspace.slug}
            segment={{ id: segment.id, name: segment.name, kind: segment.kind, archived: !!segment.archivedAt }}
            canEdit={can.edit}
          />
        }
      />
      <div className="grid gap-4 sm:grid-cols-3">
        <Stat
          label="Members"
          value={segment.size === null ? "—" : formatInteger(segment.size)}
          hint={segment.lastComputedAt ? `computed ${formatDateTime(segment.lastComputedAt)}` : "not computed yet"}
        />
        <Stat
          label="Can be personalized"
          value={segment.reachableSize === null ? "—" : formatInteger(segment.reachableSize)}
          hint="personalization consent not refused"
        />
        <Stat
          label="Used by"
          value={formatInteger(uses.length)}
          hint={
            uses.length
              ? uses
                  .map((u) => u.name)
                  .slice(0, 3)
                  .join(", ")
              : "no experience or experiment yet"
          }
        />
      </div>
      <Card className="mt-6">
        <CardHeader>
          <CardTitle>Who is in it</CardTitle>
        </CardHeader>
        <CardContent>
          {segment.kind === "dynamic" ? (
            <p className="text-sm text-gray-800" data-testid="rule-in-words">
              {describeRule(segment.rule, names)}
            </p>
          ) : (
            <p className="text-sm text-gray-800">
              A fixed list:{" "}
              {segment.source === "snapshot" && segment.sourceSegment ? (
                <>
                  a snapshot of{" "}
                  <Link
                    className="text-indigo-600 hover:underline"
                    href={`/w/${workspace.slug}/segments/${segment.sourceSegment.id}`}
                  >
                    {segment.sourceSegment.name}
                  </Link>
                </>
              ) : segment.source === "upload" ? (
                "uploaded ids and emails"
              ) : (
                "copied from another static segment"
              )}
              .
            </p>
          )}
        </CardContent>
      </Card>
      <Card className="mt-6">
        <CardHeader>
          <CardTitle>Size over time</CardTitle>
        </CardHeader>
        <CardContent>
          {history.length > 1 ? (
            <SizeHistoryChart data={history} />
          ) : (
            <p className="text-sm text-gray-500">
              The trend appears after the next computation (on a schedule, when you save, or with “Recompute now”).
            </p>
          )}
        </CardContent>
      </Card>
      <section className="mt-6" aria-labelledby="members-heading">
        <div className="mb-2 flex flex-wrap items-baseline justify-between gap-2">
          <h2 id="members-heading" className="text-sm font-semibold text-gray-900">
            Members ({formatInteger(members.total)})
          </h2>
          {withoutConsent === null ? (
            <p className="text-xs text-gray-500">
              The CSV export leaves out members without marketing consent (too many to count while the page loads).
            </p>
          ) : (
            withoutConsent > 0 && (
              <p className="text-xs text-gray-500">
                The CSV export leaves out {formatInteger(withoutConsent)} members without marketing consent.
              </p>
            )
          )}
        </div>
        <Table>
          <TableHeader>
            <TableRow>
              <TableHead>Profile</TableHead>
              <TableHead>Entered</TableHead>
              <TableHead>Last seen</TableHead>
              <TableHead className="text-right">Orders</TableHead>
              <TableHead className="text-right">Revenue</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {members.rows.map((m) => (
              <TableRow key={m.id}>
                <TableCell>
                  <Link className="text-indigo-600 hover:underline" href={`/w/${workspace.slug}/profiles/${m.id}`}>
                    {m.label}
                  </Link>
                </TableCell>
                <TableCell className="text-gray-500">{formatDateTime(m.enteredAt)}</TableCell>
                <TableCell className="text-gray-500">{formatDateTime(m.lastSeenAt)}</TableCell>
                <TableCell className="text-right tabular-nums">{formatInteger(m.orders)}</TableCell>
                <TableCell className="text-right tabular-nums">
                  {m.revenue.toLocaleString("en-US", { style: "currency", currency: "USD" })}
                </TableCell>
              </TableRow>
            ))}
            {members.rows.length === 0 && (
              <TableRow>
                <TableCell colSpan={5} className="text-center text-gray-500">
                  No members right now.
                </TableCell>
              </TableRow>
            )}
          </TableBody>
        </Table>
        <Pagination page={page} pages={members.pages} total={members.total} href={(p) => `${base}?page=${p}`} />
      </section>
    </>
  );
}
