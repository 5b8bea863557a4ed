import type { Metadata } from "next";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { ContentIcon } from "@/components/ui/icons";
import { PageHeader } from "@/components/ui/page-header";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { listPlacements } from "@/lib/content/queries";
import { requireWorkspace } from "@/lib/workspaces/access";

export const metadata: Metadata = { title: "Content" };

export default async function ContentPage({ params }: { params: Promise<{ workspace: string }> }) {
  const { workspace } = await requireWorkspace((await params).workspace);
  const placements = await listPlacements(workspace.id);
  return (
    <>
      <PageHeader title="Content" description="Placements on your storefront and the personalized content each one shows." />
      {placements.length === 0 ? (
        <EmptyState
          icon={<ContentIcon size={20} />}
          title="No placements yet"
          description="A placement is a named slot on your storefront, such as home-hero or cart-upsell. Mark the slot with data-placement in your pages, then give it content for each segment and a default for everyone else."
        />
      ) : (
        <Table>
          <TableHeader>
            <TableRow>
              <TableHead>Placement</TableHead>
              <TableHead>Key</TableHead>
              <TableHead>Type</TableHead>
              <TableHead>Experiences</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {placements.map((p) => (
              <TableRow key={p.id}>
                <TableCell className="font-medium">{p.name}</TableCell>
                <TableCell className="font-mono text-xs">{p.key}</TableCell>
                <TableCell>{p.contentType}</TableCell>
                <TableCell>
                  {p.live} live of {p.experiences} {p.killSwitch ? <Badge tone="danger">kill switch on</Badge> : null}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </>
  );
}
