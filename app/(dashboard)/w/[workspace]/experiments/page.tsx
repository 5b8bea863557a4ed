import type { Metadata } from "next";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { FlaskIcon } from "@/components/ui/icons";
import { PageHeader } from "@/components/ui/page-header";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { listExperiments } from "@/lib/experiments/db/list-experiments";
import { formatDateTime } from "@/lib/format";
import { requireWorkspace } from "@/lib/workspaces/runtime/require-workspace";

export const metadata: Metadata = { title: "Experiments" };

const STATUS_TONE = {
  running: "success",
  draft: "neutral",
  paused: "warning",
  stopped: "accent",
  archived: "neutral",
} as const;

export default async function ExperimentsPage({ params }: { params: Promise<{ workspace: string }> }) {
  const { workspace } = await requireWorkspace((await params).workspace);
  const experiments = await listExperiments(workspace.id);
  return (
    <>
      <PageHeader
        title="Experiments"
        description="A/B/n and multivariate tests with sticky bucketing and trustworthy statistics."
      />
      {experiments.length === 0 ? (
        <EmptyState
          icon={<FlaskIcon size={20} />}
          title="No experiments yet"
          description="An experiment splits visitors between variations of a placement's content and measures which one converts better against a goal, such as Purchase or Revenue."
        />
      ) : (
        <Table>
          <TableHeader>
            <TableRow>
              <TableHead>Name</TableHead>
              <TableHead>Type</TableHead>
              <TableHead>Status</TableHead>
              <TableHead>Variations</TableHead>
              <TableHead>Started</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {experiments.map((e) => (
              <TableRow key={e.id}>
                <TableCell className="font-medium">{e.name}</TableCell>
                <TableCell>{e.type === "ab" ? "A/B/n" : "Multivariate"}</TableCell>
                <TableCell>
                  <Badge tone={STATUS_TONE[e.status]}>{e.status}</Badge>
                </TableCell>
                <TableCell>{e._count.variations}</TableCell>
                <TableCell className="text-gray-500">{e.startedAt ? formatDateTime(e.startedAt) : "—"}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </>
  );
}
