import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { SegmentEditor } from "@/components/segments/segment-editor";
import { PageHeader } from "@/components/ui/page-header";
import { cn } from "@/components/ui/cn";
import { loadSegmentCatalog } from "@/lib/segments/db/load-segment-catalog";
import { segmentOptions } from "@/lib/segments/db/list-segments";
import { emptyRule } from "@/lib/segments/schema";
import { findTemplate, SEGMENT_TEMPLATES } from "@/lib/segments/templates";
import { requireWorkspace } from "@/lib/workspaces/runtime/require-workspace";

export const metadata: Metadata = { title: "New segment" };

export default async function NewSegmentPage({
  params,
  searchParams,
}: {
  params: Promise<{ workspace: string }>;
  searchParams: Promise<{ template?: string }>;
}) {
  const { workspace, can } = await requireWorkspace((await params).workspace);
  if (!can.edit) notFound();
  const template = findTemplate((await searchParams).template);
  const [catalog, segments] = await Promise.all([loadSegmentCatalog(workspace.id), segmentOptions(workspace.id)]);
  const chooser = (
    <nav aria-label="Start from" className="flex flex-wrap items-center gap-2 text-sm">
      <span className="text-gray-500">Start from</span>
      {[{ key: undefined, name: "Blank" }, ...SEGMENT_TEMPLATES].map((t) => (
        <Link
          key={t.key ?? "blank"}
          href={t.key ? `?template=${t.key}` : "?"}
          aria-current={template?.key === t.key ? "page" : undefined}
          className={cn(
            "rounded-full border px-3 py-1",
            template?.key === t.key
              ? "border-indigo-600 bg-indigo-50 text-indigo-700"
              : "border-gray-300 text-gray-700 hover:bg-gray-50",
          )}
        >
          {t.name}
        </Link>
      ))}
    </nav>
  );
  return (
    <>
      <PageHeader
        title="New segment"
        description={
          template
            ? template.description
            : "Describe customers by traits, behavior and computed values; the size updates as you edit."
        }
      />
      <SegmentEditor
        key={template?.key ?? "blank"}
        workspaceId={workspace.id}
        workspaceSlug={workspace.slug}
        initial={{
          name: template?.name ?? "",
          description: template?.description ?? "",
          rule: template?.rule ?? emptyRule(),
        }}
        catalog={catalog}
        segments={segments}
        header={chooser}
      />
    </>
  );
}
