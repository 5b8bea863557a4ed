import type { Decision } from "@/lib/decide/types";

/** The product page's `pdp-banner` placement (text), decided on the server. */
export function PdpBanner({ decision }: { decision: Decision | undefined }) {
  if (!decision?.content) return null;
  return (
    <p
      data-testid="pdp-banner"
      data-variant-id={decision.variantId}
      data-experience-id={decision.experienceId ?? ""}
      className="mt-6 rounded-lg border border-accent-100 bg-accent-50 px-4 py-3 text-accent-800"
    >
      {decision.content}
    </p>
  );
}
