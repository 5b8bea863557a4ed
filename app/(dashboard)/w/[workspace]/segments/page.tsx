import type { Metadata } from "next";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { SegmentsIcon } from "@/components/ui/icons";
import { PageHeader } from "@/components/ui/page-header";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { formatDateTime, formatInteger } from "@/lib/format";
import { listSegments } from "@/lib/segments/queries/list";
import { requireWorkspace } from "@/lib/workspaces/access";

export const metadata: Metadata = { title: "Segments" };

export default async function SegmentsPage({ params }: { params: Promise<{ workspace: string }> }) {
  const { workspace } = await requireWorkspace((await params).workspace);
  const segments = await listSegments(workspace.id);
  return (
    <>
      <PageHeader title="Segments" description="Groups of customers described by who they are and what they did, kept current as data arrives." />
      {segments.length === 0 ? (
        <EmptyState
          icon={<SegmentsIcon size={20} />}
          title="No segments yet"
          description="A segment describes customers by traits and behavior, such as “viewed shoes 3 times this week” or “bought before, nothing for 60 days”. Segments then target content and experiments."
        />
      ) : (
        <Table>
          <TableHeader>
            <TableRow>
              <TableHead>Name</TableHead>
              <TableHead>Type</TableHead>
              <TableHead className="text-right">Size</TableHead>
              <TableHead>Last computed</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {segments.map((s) => (
              <TableRow key={s.id}>
                <TableCell className="font-medium">{s.name}</TableCell>
                <TableCell><Badge tone={s.kind === "dynamic" ? "accent" : "neutral"}>{s.kind}</Badge></TableCell>
                <TableCell className="text-right tabular-nums">{s.size === null ? "—" : formatInteger(s.size)}</TableCell>
                <TableCell className="text-gray-500">{s.lastComputedAt ? formatDateTime(s.lastComputedAt) : "never"}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </>
  );
}
