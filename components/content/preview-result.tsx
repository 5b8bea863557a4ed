import type { DecisionPreview } from "@/lib/content/actions/preview-decision";
import { RenderedContent } from "./rendered-content";
import { WhyList } from "./why-list";

const REASONS: Record<string, string> = {
  experience: "the first live experience that matches",
  default: "no experience matches",
  kill_switch: "the kill switch is on",
  no_consent: "this profile refused personalization",
};

/** What the previewed visitor is served, the template's errors, and why each experience did or did not win. */
export function PreviewResult({ preview }: { preview: DecisionPreview }) {
  const served = preview.experienceId
    ? (preview.why.find((w) => w.experienceId === preview.experienceId)?.name ?? "An experience")
    : "Default";
  return (
    <div className="space-y-4">
      <p aria-live="polite" className="text-sm text-gray-800" data-testid="preview-served">
        This visitor sees: <strong className="font-semibold text-gray-900">{served}</strong>
        {preview.reason && <span className="text-gray-500"> — {REASONS[preview.reason] ?? preview.reason}</span>}
      </p>
      {preview.templateErrors.length > 0 && (
        <div role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-xs text-red-800">
          <p className="font-medium">The template has errors; this experience is left out until they are fixed.</p>
          <ul className="mt-1 space-y-0.5" data-testid="template-errors">
            {preview.templateErrors.map((e, i) => (
              <li key={i}>
                Line {e.line}, column {e.column}: {e.message}
              </li>
            ))}
          </ul>
        </div>
      )}
      {preview.content === null ? (
        <p className="text-sm text-gray-500">Nothing is served.</p>
      ) : (
        <RenderedContent content={preview.content} contentType={preview.contentType} />
      )}
      <div className="space-y-2">
        <h3 className="text-sm font-semibold text-gray-900">Why</h3>
        {preview.blockedBy === "kill_switch" && (
          <p className="text-sm text-red-700">The kill switch is on: everyone sees the default content.</p>
        )}
        {preview.blockedBy === "no_consent" && (
          <p className="text-sm text-amber-800">This profile refused personalization: they see the default content.</p>
        )}
        <WhyList why={preview.why} />
      </div>
    </div>
  );
}
