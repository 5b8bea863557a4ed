"use client";

import { useRouter } from "next/navigation";
import { useCallback, useMemo, useState } from "react";
import { useAction } from "@/components/actions/use-action";
import type { SegmentCatalog } from "@/components/segment-builder/segment-builder";
import { Button } from "@/components/ui/button";
import { Card, CardContent } from "@/components/ui/card";
import { useToast } from "@/components/ui/toast";
import { saveExperiment, stepExperiment } from "@/lib/experiments/actions";
import type { RecentTraffic } from "@/lib/experiments/db/get-recent-traffic";
import type { WizardOptions } from "@/lib/experiments/db/get-wizard-options";
import { StepGoals } from "./step-goals";
import { StepReview } from "./step-review";
import { StepTraffic } from "./step-traffic";
import { StepVariations } from "./step-variations";
import { StepWhat } from "./step-what";
import { StepWho } from "./step-who";
import {
  editableFields,
  errorsAfterEdit,
  STEPS,
  stepOfField,
  toExperimentInput,
  type ExperimentStatus,
  type StepId,
} from "./wizard-input";
import { WizardStepsNav } from "./wizard-steps-nav";
import type { WizardState } from "./wizard-state";

type Props = {
  workspaceId: string;
  workspaceSlug: string;
  /** Set when editing; a new experiment has none. */
  experimentId?: string;
  status: ExperimentStatus | "new";
  initial: WizardState;
  options: WizardOptions;
  catalog: SegmentCatalog;
  traffic: RecentTraffic | null;
  holdoutShare: number;
};

const firstStepOf = (errors: Record<string, string[]>): StepId | null => {
  const steps = new Set(Object.keys(errors).map(stepOfField));
  return STEPS.find((s) => steps.has(s.id))?.id ?? null;
};

/**
 * Creates or changes an experiment in six steps: what is tested, who, the
 * variations' weights, goals, traffic and a review with a duration estimate.
 * Saving sends everything at once; the action's field errors come back by
 * path and are shown on the step they belong to, which opens.
 */
export function ExperimentWizard(props: Props) {
  const { workspaceId, workspaceSlug, experimentId, status } = props;
  const router = useRouter();
  const { toast } = useToast();
  const [state, setState] = useState(props.initial);
  const [step, setStep] = useState<StepId>("what");
  const [localErrors, setLocalErrors] = useState<Record<string, string[]>>({});
  const [layers, setLayers] = useState(props.options.layers);
  const [keyTouched, setKeyTouched] = useState(status !== "new");
  const editable = editableFields(status);
  const base = `/w/${workspaceSlug}/experiments`;
  const save = useAction(saveExperiment, {
    success: (d) => (d.newPhase ? `Saved: a new phase began (${d.newPhase} changed)` : "Experiment saved"),
  });
  const start = useAction(stepExperiment, { success: "Experiment started" });
  const [serverErrors, setServerErrors] = useState<Record<string, string[]>>({});
  const errors = useMemo(() => ({ ...serverErrors, ...localErrors }), [serverErrors, localErrors]);
  const withErrors = useMemo(() => new Set(Object.keys(errors).map(stepOfField)), [errors]);
  const options = useMemo(() => ({ ...props.options, layers }), [props.options, layers]);

  const patch = useCallback(
    (change: Partial<WizardState>) =>
      setState((s) => {
        const next = { ...s, ...change };
        // a new experiment's key follows its name until the key is typed
        if (!keyTouched && change.name !== undefined && change.key === undefined) next.key = keyOf(change.name);
        return next;
      }),
    [keyTouched],
  );
  const patchFromStep = useCallback(
    (change: Partial<WizardState>) => {
      if (change.key !== undefined) setKeyTouched(true);
      const stale = (errs: Record<string, string[]>) => errorsAfterEdit(errs, state, change);
      setServerErrors(stale);
      setLocalErrors(stale);
      patch(change);
    },
    [patch, state],
  );

  async function submit(andStart: boolean) {
    const { input, errors: local } = toExperimentInput(state);
    setLocalErrors(local);
    if (Object.keys(local).length > 0) {
      setStep(firstStepOf(local) ?? step);
      toast({ title: "Some fields need attention", tone: "error" });
      return;
    }
    const saved = await save.run({ workspaceId, ...(experimentId ? { experimentId } : {}), ...input });
    setServerErrors(saved.ok ? {} : (saved.error.fieldErrors ?? {}));
    if (!saved.ok) {
      const at = saved.error.fieldErrors ? firstStepOf(saved.error.fieldErrors) : null;
      if (at) setStep(at);
      return;
    }
    const id = saved.data.experimentId;
    if (andStart) await start.run({ workspaceId, experimentId: id, step: "start" });
    router.push(`${base}/${id}`);
  }

  const index = STEPS.findIndex((s) => s.id === step);
  const stepProps = { state, patch: patchFromStep, options, errors, editable };
  const canStart = status === "new" || status === "draft";
  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void submit(false);
      }}
    >
      <WizardStepsNav current={step} onOpen={setStep} withErrors={withErrors} />
      {errors._form && (
        <p role="alert" className="mb-4 rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
          {errors._form.join(" ")}
        </p>
      )}
      <Card>
        <CardContent className="pt-5">
          {step === "what" && <StepWhat {...stepProps} />}
          {step === "who" && <StepWho {...stepProps} catalog={props.catalog} workspaceSlug={workspaceSlug} />}
          {step === "variations" && <StepVariations {...stepProps} />}
          {step === "goals" && <StepGoals {...stepProps} workspaceSlug={workspaceSlug} />}
          {step === "traffic" && (
            <StepTraffic
              {...stepProps}
              workspaceId={workspaceId}
              experimentId={experimentId}
              onLayerCreated={(layer) => setLayers((ls) => [...ls, layer])}
            />
          )}
          {step === "review" && <StepReview {...stepProps} traffic={props.traffic} holdoutShare={props.holdoutShare} />}
        </CardContent>
      </Card>
      <div className="mt-4 flex flex-wrap items-center gap-2">
        <Button variant="secondary" disabled={index === 0} onClick={() => setStep(STEPS[index - 1]!.id)}>
          Back
        </Button>
        {index < STEPS.length - 1 && <Button onClick={() => setStep(STEPS[index + 1]!.id)}>Next</Button>}
        <span className="flex-1" />
        <Button
          type="button"
          variant="ghost"
          onClick={() => router.push(experimentId ? `${base}/${experimentId}` : base)}
        >
          Cancel
        </Button>
        <Button
          type="submit"
          variant={step === "review" ? "secondary" : "primary"}
          loading={save.pending && !start.pending}
        >
          {canStart ? "Save draft" : "Save changes"}
        </Button>
        {step === "review" && canStart && (
          <Button type="button" loading={save.pending || start.pending} onClick={() => void submit(true)}>
            Save and start
          </Button>
        )}
      </div>
    </form>
  );
}

/** A key made of a name: lowercase words joined by dashes. */
function keyOf(name: string): string {
  return name
    .normalize("NFKD")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 64);
}
