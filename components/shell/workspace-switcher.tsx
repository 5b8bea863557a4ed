"use client";

import Link from "next/link";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";
import { CheckIcon, ChevronDownIcon } from "@/components/ui/icons";

export type WorkspaceSwitcherProps = {
  current: { slug: string; name: string };
  workspaces: { slug: string; name: string; role: string }[];
};

/** The current workspace's name; opens a menu of the user's workspaces. */
export function WorkspaceSwitcher({ current, workspaces }: WorkspaceSwitcherProps) {
  return (
    <DropdownMenu>
      <DropdownMenuTrigger
        aria-label="Switch workspace"
        className="flex h-9 w-full items-center gap-2 rounded-md px-2 text-left text-sm font-medium text-gray-900 hover:bg-gray-100 data-[state=open]:bg-gray-100"
      >
        <WorkspaceAvatar name={current.name} />
        <span className="min-w-0 flex-1 truncate">{current.name}</span>
        <ChevronDownIcon size={14} className="text-gray-500" />
      </DropdownMenuTrigger>
      <DropdownMenuContent className="w-56">
        <DropdownMenuLabel>Workspaces</DropdownMenuLabel>
        {workspaces.map((workspace) => {
          const isCurrent = workspace.slug === current.slug;
          return (
            <DropdownMenuItem key={workspace.slug} asChild>
              <Link href={`/w/${encodeURIComponent(workspace.slug)}`}>
                <WorkspaceAvatar name={workspace.name} />
                <span className="min-w-0 flex-1">
                  <span className="block truncate font-medium text-gray-900">{workspace.name}</span>
                  <span className="block text-xs text-gray-500 capitalize">{workspace.role}</span>
                </span>
                {isCurrent && (
                  <>
                    <CheckIcon className="text-accent-600" />
                    <span className="sr-only">(current)</span>
                  </>
                )}
              </Link>
            </DropdownMenuItem>
          );
        })}
      </DropdownMenuContent>
    </DropdownMenu>
  );
}

function WorkspaceAvatar({ name }: { name: string }) {
  return (
    <span
      aria-hidden="true"
      className="flex size-5 shrink-0 items-center justify-center rounded bg-accent-600 text-[11px] font-semibold text-white"
    >
      {name.trim().charAt(0).toUpperCase() || "?"}
    </span>
  );
}
