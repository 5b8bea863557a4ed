import type { Metadata } from "next";
import Link from "next/link";
import { NewPlacementDialog } from "@/components/content/new-placement-dialog";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { ContentIcon } from "@/components/ui/icons";
import { PageHeader } from "@/components/ui/page-header";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { formatInteger } from "@/lib/format";
import { placementImpressions } from "@/lib/content/db/get-placement";
import { listPlacements } from "@/lib/content/db/list-placements";
import { requireWorkspace } from "@/lib/workspaces/runtime/require-workspace";

export const metadata: Metadata = { title: "Content" };

const TYPE_LABELS = { html: "HTML", text: "Text", json: "JSON" } as const;

export default async function ContentPage({ params }: { params: Promise<{ workspace: string }> }) {
  const { workspace, can } = await requireWorkspace((await params).workspace);
  const [placements, impressions] = await Promise.all([
    listPlacements(workspace.id),
    placementImpressions(workspace.id),
  ]);
  const base = `/w/${workspace.slug}/content`;
  const create = can.edit ? (
    <NewPlacementDialog workspaceId={workspace.id} workspaceSlug={workspace.slug} />
  ) : undefined;
  return (
    <>
      <PageHeader
        title="Content"
        description={
          <>
            Placements on your storefront and the personalized content each one shows.{" "}
            <Link className="underline" href={`/w/${workspace.slug}#content-performance`}>
              Content performance
            </Link>{" "}
            (clicks, orders and revenue per variant) is on the Overview.
          </>
        }
        actions={create}
      />
      {placements.length === 0 ? (
        <EmptyState
          icon={<ContentIcon size={20} />}
          title="No placements yet"
          description="A placement is a named slot on your storefront, such as home-hero or cart-upsell. Mark the slot with data-placement in your pages, then give it content for each segment and a default for everyone else."
          action={create}
        />
      ) : (
        <Table>
          <TableHeader>
            <TableRow>
              <TableHead>Placement</TableHead>
              <TableHead>Key</TableHead>
              <TableHead>Type</TableHead>
              <TableHead>Experiences</TableHead>
              <TableHead>Kill switch</TableHead>
              <TableHead className="text-right">Impressions, 7 days</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {placements.map((p) => {
              return (
                <TableRow key={p.id}>
                  <TableCell className="font-medium">
                    <Link className="text-gray-900 hover:text-indigo-600 hover:underline" href={`${base}/${p.id}`}>
                      {p.name}
                    </Link>
                  </TableCell>
                  <TableCell className="font-mono text-xs">{p.key}</TableCell>
                  <TableCell>
                    <Badge>{TYPE_LABELS[p.contentType]}</Badge>
                  </TableCell>
                  <TableCell className="tabular-nums">
                    {p.live} live of {p.experiences}
                  </TableCell>
                  <TableCell>
                    {p.killSwitch ? <Badge tone="danger">On</Badge> : <span className="text-gray-400">Off</span>}
                  </TableCell>
                  <TableCell className="text-right tabular-nums">{formatInteger(impressions.get(p.id) ?? 0)}</TableCell>
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      )}
    </>
  );
}
