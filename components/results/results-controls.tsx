"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Card, CardContent } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { DIMENSION_KEYS } from "@/lib/results/schema";
import { CORRECTIONS, ENGINES, type Engine } from "@/lib/results/types";
import { formatConfidence } from "./format-effect";
import { CONFIDENCE_ALPHAS, CORRECTION_LABELS, DIMENSION_LABELS, ENGINE_HINTS, ENGINE_LABELS } from "./labels";
import type { ParamKey, ResultsUrlState } from "./url-state";

export type ControlChanges = Partial<Record<ParamKey, string | number | null>>;

const LABELS: Record<ParamKey, string> = {
  engine: "Engine",
  correction: "Correction",
  alpha: "Confidence",
  mde: "Minimum detectable effect",
  tuningParameter: "Sequential tuning",
  phase: "Phase",
  dimension: "Breakdown",
  segmentId: "Segment",
};

/** The percentage an MDE share reads as ("10" for 0.1), without float noise. */
const mdePercent = (mde: number) => String(Math.round(mde * 100 * 10_000) / 10_000);

/**
 * The reader's choices, kept in the URL: engine (with the experiment's
 * default marked, and for editors a way to make the chosen one its default),
 * correction, confidence, MDE, a breakdown (with its segment) and the phase.
 * A value from the link that could not be used shows its message here.
 */
export function ResultsControls({
  state,
  engine,
  defaultEngine,
  bandit,
  canEdit,
  segments,
  phases,
  serverErrors,
  onChange,
  onMakeDefault,
  makingDefault,
  ownEngine,
  workspaceEngine,
}: {
  state: ResultsUrlState;
  /** The engine the numbers are read with. */
  engine: Engine;
  defaultEngine: Engine;
  bandit: boolean;
  canEdit: boolean;
  segments: { id: string; name: string }[];
  /** The experiment's phases, oldest first (a picker only when there is more than one). */
  phases: number[];
  /** Field errors of the last answer (a segment that no longer exists). */
  serverErrors: Record<string, string[]>;
  onChange: (changes: ControlChanges) => void;
  /** null: follow the workspace's default. */
  onMakeDefault: (engine: Engine | null) => void;
  makingDefault: boolean;
  /** The experiment's own choice of engine (null: it follows the workspace's, or not known yet). */
  ownEngine: Engine | null;
  workspaceEngine: Engine | null;
}) {
  const { query, raw, errors } = state;
  const errorOf = (key: ParamKey) => {
    if (!errors[key]) return serverErrors[key]?.[0];
    return raw[key] === undefined ? errors[key] : `“${raw[key]}” from the link is not used: ${errors[key]}`;
  };
  const urlProblems = (Object.keys(errors) as ParamKey[]).filter((k) => k !== "segmentId" || raw.segmentId);
  const alphas: number[] = CONFIDENCE_ALPHAS.includes(query.alpha as (typeof CONFIDENCE_ALPHAS)[number])
    ? [...CONFIDENCE_ALPHAS]
    : [...CONFIDENCE_ALPHAS, query.alpha].sort((a, b) => b - a);
  const dimension = errors.dimension ? "" : (raw.dimension ?? "");
  return (
    <Card>
      <CardContent className="space-y-3">
        {urlProblems.length > 0 && (
          <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800" data-testid="url-errors">
            Some settings in this link could not be used, so their defaults apply:{" "}
            {urlProblems.map((k) => `${LABELS[k].toLowerCase()} (${errors[k]})`).join(", ")}.
          </p>
        )}
        <div className="flex flex-wrap items-start gap-x-4 gap-y-3 [&>*]:w-52">
          <Field
            label="Engine"
            error={errorOf("engine")}
            hint={bandit ? "A bandit is always read the Bayesian way." : ENGINE_HINTS[engine]}
          >
            <Select
              value={engine}
              disabled={bandit}
              onChange={(e) => onChange({ engine: e.target.value })}
              invalid={!!errorOf("engine")}
            >
              {ENGINES.map((e) => (
                <option key={e} value={e}>
                  {ENGINE_LABELS[e]}
                  {e === defaultEngine ? " (default)" : ""}
                </option>
              ))}
            </Select>
          </Field>
          <Field
            label="Correction"
            error={errorOf("correction")}
            hint={
              engine === "bayesian"
                ? "Bayesian results are not corrected."
                : "Across treatments × metrics, not guardrails."
            }
          >
            <Select
              value={query.correction}
              disabled={engine === "bayesian"}
              onChange={(e) => onChange({ correction: e.target.value })}
              invalid={!!errorOf("correction")}
            >
              {CORRECTIONS.map((c) => (
                <option key={c} value={c}>
                  {CORRECTION_LABELS[c]}
                </option>
              ))}
            </Select>
          </Field>
          <Field label="Confidence" error={errorOf("alpha")}>
            <Select
              value={String(query.alpha)}
              onChange={(e) => onChange({ alpha: e.target.value })}
              invalid={!!errorOf("alpha")}
            >
              {alphas.map((a) => (
                <option key={a} value={String(a)}>
                  {formatConfidence(a)}
                </option>
              ))}
            </Select>
          </Field>
          <MdeField
            key={raw.mde ?? ""}
            mde={query.mde}
            urlError={errorOf("mde")}
            onApply={(mde) => onChange({ mde })}
          />
          <Field label="Breakdown" error={errorOf("dimension")} hint="The primary metric per value.">
            <Select
              value={dimension}
              onChange={(e) =>
                onChange({
                  dimension: e.target.value || null,
                  ...(e.target.value !== "segment" ? { segmentId: null } : {}),
                })
              }
              invalid={!!errorOf("dimension")}
            >
              <option value="">None</option>
              {DIMENSION_KEYS.map((d) => (
                <option key={d} value={d}>
                  {DIMENSION_LABELS[d]}
                </option>
              ))}
            </Select>
          </Field>
          {dimension === "segment" && (
            <Field label="Segment" error={errorOf("segmentId")}>
              <Select
                value={raw.segmentId ?? ""}
                onChange={(e) => onChange({ segmentId: e.target.value || null })}
                invalid={!!errorOf("segmentId")}
              >
                <option value="">{segments.length === 0 ? "No segments yet" : "Choose a segment…"}</option>
                {raw.segmentId && !segments.some((s) => s.id === raw.segmentId) && (
                  <option value={raw.segmentId}>Unknown segment</option>
                )}
                {segments.map((s) => (
                  <option key={s.id} value={s.id}>
                    {s.name}
                  </option>
                ))}
              </Select>
            </Field>
          )}
          {phases.length > 1 && (
            <Field label="Phase" error={errorOf("phase")}>
              <Select
                value={String(query.phase ?? phases[phases.length - 1])}
                onChange={(e) =>
                  onChange({ phase: Number(e.target.value) === phases[phases.length - 1] ? null : e.target.value })
                }
              >
                {phases.map((p, i) => (
                  <option key={p} value={p}>
                    Phase {p}
                    {i === phases.length - 1 ? " (current)" : ""}
                  </option>
                ))}
              </Select>
            </Field>
          )}
        </div>
        {canEdit && !bandit && engine !== defaultEngine && (
          <div className="flex flex-wrap items-center gap-2 text-sm text-gray-600">
            <span>
              This experiment is read {ENGINE_LABELS[defaultEngine]} by default; you are viewing it{" "}
              {ENGINE_LABELS[engine]}.
            </span>
            <Button variant="secondary" size="sm" loading={makingDefault} onClick={() => onMakeDefault(engine)}>
              Make default for this experiment
            </Button>
          </div>
        )}
        {canEdit && !bandit && ownEngine !== null && workspaceEngine !== null && (
          <div className="flex flex-wrap items-center gap-2 text-sm text-gray-600" data-testid="own-engine">
            <span>
              This experiment chose {ENGINE_LABELS[ownEngine]} for itself; the workspace&apos;s default is{" "}
              {ENGINE_LABELS[workspaceEngine]}.
            </span>
            <Button variant="secondary" size="sm" loading={makingDefault} onClick={() => onMakeDefault(null)}>
              Follow the workspace&apos;s default
            </Button>
          </div>
        )}
      </CardContent>
    </Card>
  );
}

/** The MDE as a percentage, applied to the URL when the field is left or Enter is pressed. */
function MdeField({ mde, urlError, onApply }: { mde: number; urlError?: string; onApply: (mde: number) => void }) {
  const [text, setText] = useState(mdePercent(mde));
  const [error, setError] = useState<string | null>(null);
  const apply = () => {
    const pct = Number(text.replace(",", ".").replace("%", "").trim());
    if (!Number.isFinite(pct) || pct <= 0 || pct > 500) {
      setError("A lift above 0 and at most 500 %");
      return;
    }
    setError(null);
    const next = Number((pct / 100).toPrecision(12));
    if (next !== mde) onApply(next);
  };
  return (
    <Field label="MDE (%)" error={error ?? urlError} hint="The lift “days remaining” is for.">
      <Input
        inputMode="decimal"
        value={text}
        invalid={!!(error ?? urlError)}
        onChange={(e) => setText(e.target.value)}
        onBlur={apply}
        onKeyDown={(e) => {
          if (e.key === "Enter") {
            e.preventDefault();
            apply();
          }
        }}
      />
    </Field>
  );
}
