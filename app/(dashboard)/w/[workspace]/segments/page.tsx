import type { Metadata } from "next";
import Link from "next/link";
import { Sparkline } from "@/components/charts/sparkline";
import { UploadSegmentDialog } from "@/components/segments/upload-segment-dialog";
import { Badge } from "@/components/ui/badge";
import { buttonClasses } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { EmptyState } from "@/components/ui/empty-state";
import { PlusIcon, SegmentsIcon } from "@/components/ui/icons";
import { PageHeader } from "@/components/ui/page-header";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { formatDateTime, formatInteger } from "@/lib/format";
import { listSegments } from "@/lib/segments/db/list-segments";
import { requireWorkspace } from "@/lib/workspaces/runtime/require-workspace";

export const metadata: Metadata = { title: "Segments" };

export default async function SegmentsPage({
  params,
  searchParams,
}: {
  params: Promise<{ workspace: string }>;
  searchParams: Promise<{ archived?: string }>;
}) {
  const { workspace, can } = await requireWorkspace((await params).workspace);
  const archived = (await searchParams).archived === "1";
  const segments = await listSegments(workspace.id, { archived });
  const base = `/w/${workspace.slug}/segments`;
  const tab = (active: boolean) =>
    cn(
      "border-b-2 px-1 pb-2 text-sm",
      active ? "border-indigo-600 font-medium text-gray-900" : "border-transparent text-gray-500 hover:text-gray-800",
    );
  return (
    <>
      <PageHeader
        title="Segments"
        description="Groups of customers described by who they are and what they did, kept current as data arrives."
        actions={
          can.edit ? (
            <>
              <UploadSegmentDialog workspaceId={workspace.id} workspaceSlug={workspace.slug} />
              <Link className={buttonClasses()} href={`${base}/new`}>
                <PlusIcon /> New segment
              </Link>
            </>
          ) : null
        }
      />
      <nav aria-label="Segment lists" className="mb-4 flex gap-4 border-b border-gray-200">
        <Link href={base} className={tab(!archived)} aria-current={!archived ? "page" : undefined}>
          Live
        </Link>
        <Link href={`${base}?archived=1`} className={tab(archived)} aria-current={archived ? "page" : undefined}>
          Archived
        </Link>
      </nav>
      {segments.length === 0 ? (
        <EmptyState
          icon={<SegmentsIcon size={20} />}
          title={archived ? "No archived segments" : "No segments yet"}
          description={
            archived
              ? "Archived segments appear here and can be restored."
              : "A segment describes customers by traits and behavior, such as “viewed shoes 3 times this week” or “bought before, nothing for 60 days”. Segments then target content and experiments."
          }
          action={
            !archived && can.edit ? (
              <Link className={buttonClasses()} href={`${base}/new`}>
                <PlusIcon /> New segment
              </Link>
            ) : undefined
          }
        />
      ) : (
        <Table>
          <TableHeader>
            <TableRow>
              <TableHead>Name</TableHead>
              <TableHead>Type</TableHead>
              <TableHead className="text-right">Size</TableHead>
              <TableHead>Trend</TableHead>
              <TableHead>Last computed</TableHead>
              <TableHead className="text-right">Used by</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {segments.map((s) => (
              <TableRow key={s.id}>
                <TableCell className="font-medium">
                  <Link className="text-gray-900 hover:text-indigo-600 hover:underline" href={`${base}/${s.id}`}>
                    {s.name}
                  </Link>
                  {s.description && (
                    <p className="max-w-md truncate text-xs font-normal text-gray-500">{s.description}</p>
                  )}
                </TableCell>
                <TableCell>
                  <Badge tone={s.kind === "dynamic" ? "accent" : "neutral"}>{s.kind}</Badge>
                </TableCell>
                <TableCell className="text-right tabular-nums" data-testid="segment-list-size">
                  {s.size === null ? "—" : formatInteger(s.size)}
                </TableCell>
                <TableCell>
                  <Sparkline
                    values={s.trend}
                    label={`Size of ${s.name} over its last ${s.trend.length} computations`}
                  />
                </TableCell>
                <TableCell className="text-gray-500">
                  {s.lastComputedAt ? formatDateTime(s.lastComputedAt) : "never"}
                </TableCell>
                <TableCell className="text-right tabular-nums">
                  {s.usedBy === 0 ? <span className="text-gray-400">—</span> : formatInteger(s.usedBy)}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </>
  );
}
