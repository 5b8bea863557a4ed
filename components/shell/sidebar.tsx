"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import type { ComponentType, ReactNode } from "react";
import { cn } from "@/components/ui/cn";
import {
  ContentIcon,
  FlaskIcon,
  FunnelIcon,
  HomeIcon,
  SegmentsIcon,
  SettingsIcon,
  UsersIcon,
  type IconProps,
} from "@/components/ui/icons";
import { GoalIcon } from "@/components/goals/goal-icon";

type NavItem = { label: string; path: string; icon: ComponentType<IconProps> };

const navItems: NavItem[] = [
  { label: "Overview", path: "", icon: HomeIcon },
  { label: "Funnels", path: "/funnels", icon: FunnelIcon },
  { label: "Profiles", path: "/profiles", icon: UsersIcon },
  { label: "Segments", path: "/segments", icon: SegmentsIcon },
  { label: "Content", path: "/content", icon: ContentIcon },
  { label: "Experiments", path: "/experiments", icon: FlaskIcon },
  { label: "Goals", path: "/goals", icon: GoalIcon },
  { label: "Settings", path: "/settings", icon: SettingsIcon },
];

export type SidebarProps = {
  workspaceSlug: string;
  /** Shown under the product name, above the nav (the workspace switcher). */
  header?: ReactNode;
  /** Pinned to the bottom (the user menu). */
  children?: ReactNode;
};

/** The left column: product name, main navigation with the current page marked. */
export function Sidebar({ workspaceSlug, header, children }: SidebarProps) {
  const pathname = usePathname();
  const root = `/w/${encodeURIComponent(workspaceSlug)}`;

  function isActive(href: string): boolean {
    // Overview is active only on the workspace root; sections also on their sub-pages.
    if (href === root) return pathname === root;
    return pathname === href || pathname.startsWith(`${href}/`);
  }

  return (
    <aside className="flex h-full w-60 shrink-0 flex-col border-r border-gray-200 bg-gray-50">
      <div className="flex h-12 items-center gap-2 px-4">
        <LogoMark />
        <span className="text-sm font-semibold tracking-tight text-gray-900">Personalize</span>
      </div>
      {header && <div className="px-2 pb-2">{header}</div>}
      <nav aria-label="Main" className="flex-1 overflow-y-auto px-2 py-1">
        <ul className="space-y-0.5">
          {navItems.map(({ label, path, icon: Icon }) => {
            const href = `${root}${path}`;
            const active = isActive(href);
            return (
              <li key={label}>
                <Link
                  href={href}
                  aria-current={active ? "page" : undefined}
                  className={cn(
                    "flex h-8 items-center gap-2 rounded-md px-2 text-sm font-medium transition-colors",
                    active
                      ? "bg-white text-gray-900 shadow-xs ring-1 ring-gray-200"
                      : "text-gray-600 hover:bg-gray-100 hover:text-gray-900",
                  )}
                >
                  <Icon className={active ? "text-accent-600" : "text-gray-400"} />
                  {label}
                </Link>
              </li>
            );
          })}
        </ul>
      </nav>
      {children && <div className="border-t border-gray-200 p-2">{children}</div>}
    </aside>
  );
}

function LogoMark() {
  return (
    <svg width="20" height="20" viewBox="0 0 20 20" aria-hidden="true" focusable="false">
      <rect width="20" height="20" rx="5" className="fill-accent-600" />
      <path
        d="M6 14V6h4.5a2.5 2.5 0 0 1 0 5H6"
        fill="none"
        stroke="white"
        strokeWidth="2"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </svg>
  );
}
