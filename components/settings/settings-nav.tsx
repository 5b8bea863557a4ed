"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { cn } from "@/components/ui/cn";

/** The settings sections as tabs that are links (each section is its own page). */
export function SettingsNav({ workspaceSlug }: { workspaceSlug: string }) {
  const pathname = usePathname();
  const sections = [
    { href: `/w/${workspaceSlug}/settings/members`, label: "Members" },
    { href: `/w/${workspaceSlug}/settings/api-keys`, label: "API keys" },
    { href: `/w/${workspaceSlug}/settings/identity`, label: "Identity" },
    { href: `/w/${workspaceSlug}/settings/data`, label: "Data" },
  ];
  return (
    <nav aria-label="Settings" className="flex gap-6 border-b border-gray-200">
      {sections.map((s) => {
        const active = pathname === s.href;
        return (
          <Link
            key={s.href}
            href={s.href}
            aria-current={active ? "page" : undefined}
            className={cn(
              "-mb-px border-b-2 px-1 pb-2 text-sm font-medium",
              active ? "border-indigo-600 text-indigo-700" : "border-transparent text-gray-500 hover:text-gray-800",
            )}
          >
            {s.label}
          </Link>
        );
      })}
    </nav>
  );
}
