import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { DefaultContentForm } from "@/components/content/default-content-form";
import { ExperienceList } from "@/components/content/experience-list";
import { KillSwitchToggle } from "@/components/content/kill-switch-toggle";
import { Badge } from "@/components/ui/badge";
import { buttonClasses } from "@/components/ui/button";
import { PlusIcon } from "@/components/ui/icons";
import { PageHeader } from "@/components/ui/page-header";
import { getPlacement } from "@/lib/content/db/get-placement";
import { loadSegmentRefs } from "@/lib/segments/db/load-segment-refs";
import { requireWorkspace } from "@/lib/workspaces/runtime/require-workspace";

export const metadata: Metadata = { title: "Placement" };

const TYPE_LABELS = { html: "HTML", text: "Text", json: "JSON" } as const;

export default async function PlacementPage({
  params,
}: {
  params: Promise<{ workspace: string; placementId: string }>;
}) {
  const { workspace: slug, placementId } = await params;
  const { workspace, can } = await requireWorkspace(slug);
  const placement = await getPlacement(workspace.id, placementId);
  if (!placement) notFound();
  const refs = await loadSegmentRefs(workspace.id);
  const segmentNames = new Map([...refs].map(([id, r]) => [id, r.name]));
  const base = `/w/${workspace.slug}/content/${placement.id}`;
  return (
    <>
      <Link
        href={`/w/${workspace.slug}/content`}
        className="mb-2 inline-block text-sm text-gray-500 hover:text-gray-900"
      >
        ← Content
      </Link>
      <PageHeader
        title={
          <span className="flex flex-wrap items-center gap-2">
            {placement.name} <Badge>{TYPE_LABELS[placement.contentType]}</Badge>
          </span>
        }
        description={
          <>
            Key{" "}
            <code className="font-mono text-gray-800" data-testid="placement-key">
              {placement.key}
            </code>
          </>
        }
        actions={
          <>
            <KillSwitchToggle
              workspaceId={workspace.id}
              placementId={placement.id}
              on={placement.killSwitch}
              canEdit={can.edit}
            />
            {can.edit && (
              <Link className={buttonClasses()} href={`${base}/experiences/new`}>
                <PlusIcon /> New experience
              </Link>
            )}
          </>
        }
      />
      {placement.killSwitch && (
        <p role="status" className="mb-4 rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
          The kill switch is on: everyone sees the default content, whatever the experiences below say.
        </p>
      )}
      <div className="space-y-6">
        <ExperienceList
          workspaceId={workspace.id}
          base={base}
          experiences={placement.experiences}
          segmentNames={segmentNames}
          canEdit={can.edit}
        />
        <DefaultContentForm
          key={`${placement.name}\n${placement.jsonSchema}\n${placement.defaultBody}`}
          workspaceId={workspace.id}
          placement={{
            id: placement.id,
            name: placement.name,
            contentType: placement.contentType,
            jsonSchema: placement.jsonSchema,
            defaultBody: placement.defaultBody,
          }}
          canEdit={can.edit}
        />
      </div>
    </>
  );
}
