"use client";

import Link from "next/link";
import { useRef } from "react";
import { useAction } from "@/components/actions/use-action";
import { Button, buttonClasses } from "@/components/ui/button";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { stepExperiment } from "@/lib/experiments/actions";
import { StopDialog } from "./stop-dialog";
import type { ExperimentStatus } from "./wizard-input";

type Step = "start" | "pause" | "resume" | "stop" | "archive" | "rerandomize";

const DONE: Record<Step, string> = {
  start: "Experiment started",
  pause: "Experiment paused: everyone it targets gets the control",
  resume: "Experiment resumed",
  stop: "Experiment stopped",
  archive: "Experiment archived",
  rerandomize: "Re-randomized: a new phase began",
};

/** The lifecycle steps that apply to the experiment's status, and its edit link (editors only). */
export function LifecycleButtons({
  workspaceId,
  experimentId,
  status,
  variations,
  editHref,
}: {
  workspaceId: string;
  experimentId: string;
  status: ExperimentStatus;
  variations: { id: string; name: string; key: string }[];
  editHref: string;
}) {
  const last = useRef<Step>("start");
  const step = useAction(stepExperiment, {
    success: (d) => DONE[last.current] + (d.phase > 0 && last.current !== "archive" ? ` (phase ${d.phase})` : ""),
  });
  const run = (s: Step, winnerVariationId: string | null = null) => {
    last.current = s;
    return step.run({ workspaceId, experimentId, step: s, winnerVariationId });
  };
  const live = status === "running" || status === "paused";
  return (
    <div className="flex flex-wrap items-center gap-2">
      {status !== "archived" && (
        <Link className={buttonClasses("secondary")} href={editHref}>
          Edit
        </Link>
      )}
      {status === "draft" && (
        <Button loading={step.pending} onClick={() => void run("start")}>
          Start
        </Button>
      )}
      {status === "running" && (
        <Button variant="secondary" loading={step.pending} onClick={() => void run("pause")}>
          Pause
        </Button>
      )}
      {status === "paused" && (
        <Button loading={step.pending} onClick={() => void run("resume")}>
          Resume
        </Button>
      )}
      {live && (
        <ConfirmButton
          label="Re-randomize"
          title="Re-randomize this experiment?"
          description="It starts a new phase with a new seed: everyone is bucketed again, and earlier assignments stop sticking. Results are read per phase, so the current phase's numbers stay as they are."
          pending={step.pending}
          onConfirm={() => run("rerandomize")}
        />
      )}
      {live && (
        <StopDialog
          workspaceId={workspaceId}
          experimentId={experimentId}
          variations={variations}
          pending={step.pending}
          onStop={(winner) => run("stop", winner)}
        />
      )}
      {(status === "draft" || status === "stopped") && (
        <ConfirmButton
          label="Archive"
          title="Archive this experiment?"
          description={
            status === "stopped"
              ? "An archived experiment serves nothing: a winner it rolled out stops being served, and everyone gets what they had before."
              : "The draft is put away; it can no longer be started."
          }
          pending={step.pending}
          onConfirm={() => run("archive")}
        />
      )}
    </div>
  );
}
