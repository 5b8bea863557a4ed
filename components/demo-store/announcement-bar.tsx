import type { Decision } from "@/lib/decide/types";

/** The thin bar above the header; its text is the `announcement-bar` placement, decided on the server. */
export function AnnouncementBar({ decision }: { decision: Decision | undefined }) {
  if (!decision?.content) return null;
  return (
    <aside
      aria-label="Announcement"
      data-testid="announcement-bar"
      data-variant-id={decision.variantId}
      data-experience-id={decision.experienceId ?? ""}
      className="bg-gray-900 px-4 py-2 text-center text-xs font-medium text-white"
    >
      {decision.content}
    </aside>
  );
}
