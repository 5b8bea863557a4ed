import type { TemplateData } from "@/lib/content/template";
import { computedValue } from "@/lib/segments/evaluate";
import { COMPUTED_FIELDS } from "@/lib/segments/schema";
import type { ProfileState, VisitContext } from "@/lib/segments/state";

/** What a variant's template may read for this visitor: traits, computed values and the visit, nothing else. */
export function templateData(
  profile: ProfileState | null,
  traits: Record<string, unknown>,
  context: VisitContext,
  now: number,
): TemplateData {
  const computed: Record<string, unknown> = {};
  if (profile) for (const field of COMPUTED_FIELDS) computed[field] = computedValue(field, profile, now);
  return {
    traits,
    computed,
    context: {
      url: context.url,
      path: context.path,
      referrer: context.referrer,
      country: context.country,
      device: context.device,
      utm_source: context.utmSource,
      utm_medium: context.utmMedium,
      utm_campaign: context.utmCampaign,
      local_hour: context.localHour,
      weekday: context.weekday,
      visitor: context.visitor,
      now: new Date(now).toISOString(),
    },
  };
}
