"use client";

import { useRouter } from "next/navigation";
import { deleteExperience, moveExperience, setExperienceStatus } from "@/lib/content/actions";
import { useAction } from "@/components/actions/use-action";
import { Button } from "@/components/ui/button";
import { ConfirmButton } from "@/components/ui/confirm-button";
import type { ExperienceStatus } from "./status-badge";

type Props = {
  workspaceId: string;
  experience: { id: string; name: string; status: ExperienceStatus };
  first: boolean;
  last: boolean;
};

/** An editor's controls on one experience of the list: order, publish or pause, delete. */
export function ExperienceControls({ workspaceId, experience, first, last }: Props) {
  const router = useRouter();
  const refresh = () => router.refresh();
  const move = useAction(moveExperience, { onSuccess: refresh });
  const status = useAction(setExperienceStatus, {
    success: (d) => (d.status === "live" ? `${experience.name} is live` : `${experience.name} is paused`),
    onSuccess: refresh,
  });
  const remove = useAction(deleteExperience, { success: "Experience deleted", onSuccess: refresh });
  const ids = { workspaceId, experienceId: experience.id };
  const live = experience.status === "live";
  return (
    <div className="flex flex-wrap items-center gap-1">
      <Button
        variant="ghost"
        size="sm"
        aria-label={`Move ${experience.name} up`}
        disabled={first || move.pending}
        onClick={() => void move.run({ ...ids, direction: "up" })}
      >
        <span aria-hidden="true">↑</span>
      </Button>
      <Button
        variant="ghost"
        size="sm"
        aria-label={`Move ${experience.name} down`}
        disabled={last || move.pending}
        onClick={() => void move.run({ ...ids, direction: "down" })}
      >
        <span aria-hidden="true">↓</span>
      </Button>
      <Button
        variant="secondary"
        size="sm"
        loading={status.pending}
        onClick={() => void status.run({ ...ids, status: live ? "paused" : "live" })}
      >
        {live ? "Pause" : "Publish"}
      </Button>
      <ConfirmButton
        label="Delete"
        title={`Delete “${experience.name}”?`}
        description="Visitors it targets see the next experience that matches, or the default content. This cannot be undone."
        pending={remove.pending}
        onConfirm={() => remove.run(ids)}
      />
    </div>
  );
}
