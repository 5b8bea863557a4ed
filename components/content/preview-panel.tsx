"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useMemo, useState } from "react";
import { previewDecision } from "@/lib/content/actions";
import { useDebounced } from "@/components/segments/use-debounced";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { EMPTY_VISITOR, visitorInput, type PickedProfile, type VisitorDraft } from "./audience";
import { PreviewResult } from "./preview-result";
import { ProfilePicker } from "./profile-picker";
import { VisitorFields } from "./visitor-fields";

export type PreviewDraft = {
  experienceId?: string;
  name: string;
  target: { kind: "segment"; segmentId: string } | { kind: "rule"; rule: unknown };
  body: string;
};

type Props = { workspaceId: string; placementId: string; draft: PreviewDraft };

const toggle = (on: boolean) =>
  cn(
    "flex-1 rounded px-2 py-1 text-sm font-medium",
    on ? "bg-white text-gray-900 shadow-xs" : "text-gray-600 hover:text-gray-900",
  );

/** What a profile or a made-up visitor would be served with the unsaved draft applied, refreshed 300 ms after each change. */
export function PreviewPanel({ workspaceId, placementId, draft }: Props) {
  const [mode, setMode] = useState<"profile" | "visitor">("visitor");
  const [profile, setProfile] = useState<PickedProfile | null>(null);
  const [visitor, setVisitor] = useState<VisitorDraft>(EMPTY_VISITOR);
  const as = useMemo(
    () =>
      mode === "visitor" ? visitorInput(visitor) : profile ? { kind: "profile" as const, profileId: profile.id } : null,
    [mode, visitor, profile],
  );
  const input = useMemo(() => ({ draft, as }), [draft, as]);
  const settled = useDebounced(input, 300);
  const preview = useQuery({
    queryKey: ["content-preview", workspaceId, placementId, settled],
    queryFn: async () => {
      const result = await previewDecision({ workspaceId, placementId, draft: settled.draft, as: settled.as! });
      if (!result.ok) throw new Error(result.error.message);
      return result.data;
    },
    enabled: settled.as !== null,
    placeholderData: keepPreviousData,
    staleTime: 5_000,
  });
  const stale = preview.isFetching || settled !== input;
  return (
    <Card aria-busy={stale}>
      <CardHeader>
        <CardTitle>Preview</CardTitle>
      </CardHeader>
      <CardContent className="space-y-4">
        <div role="group" aria-label="Preview as" className="flex gap-1 rounded-md bg-gray-100 p-1">
          <button
            type="button"
            aria-pressed={mode === "profile"}
            className={toggle(mode === "profile")}
            onClick={() => setMode("profile")}
          >
            As a profile
          </button>
          <button
            type="button"
            aria-pressed={mode === "visitor"}
            className={toggle(mode === "visitor")}
            onClick={() => setMode("visitor")}
          >
            As a visitor
          </button>
        </div>
        {mode === "profile" ? (
          <ProfilePicker workspaceId={workspaceId} value={profile} onChange={setProfile} />
        ) : (
          <VisitorFields value={visitor} onChange={setVisitor} />
        )}
        <div className={cn("border-t border-gray-100 pt-4 transition-opacity", stale && "opacity-60")}>
          {as === null ? (
            <p className="text-sm text-gray-500">Pick a profile to see what they would be served.</p>
          ) : preview.isError ? (
            <p className="text-sm text-red-600">{preview.error.message}</p>
          ) : preview.data && settled.as !== null ? (
            <PreviewResult preview={preview.data} />
          ) : (
            <p className="text-sm text-gray-500">Deciding…</p>
          )}
        </div>
      </CardContent>
    </Card>
  );
}
