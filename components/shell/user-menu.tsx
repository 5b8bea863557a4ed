"use client";

import { useFormStatus } from "react-dom";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";
import { LogoutIcon } from "@/components/ui/icons";

export type UserMenuProps = {
  user: { name: string; email: string };
  role: string;
  signOutAction: () => Promise<void>;
};

function initialsOf(name: string, email: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  const letters = words.length > 0 ? words.slice(0, 2).map((w) => w.charAt(0)) : [email.charAt(0)];
  return letters.join("").toUpperCase() || "?";
}

/** The signed-in user, their role in this workspace, and "Sign out". */
export function UserMenu({ user, role, signOutAction }: UserMenuProps) {
  return (
    <DropdownMenu>
      <DropdownMenuTrigger
        aria-label="User menu"
        className="flex h-9 w-full items-center gap-2 rounded-md px-2 text-left text-sm text-gray-700 hover:bg-gray-100 data-[state=open]:bg-gray-100"
      >
        <span
          aria-hidden="true"
          className="flex size-6 shrink-0 items-center justify-center rounded-full bg-gray-200 text-[11px] font-semibold text-gray-700"
        >
          {initialsOf(user.name, user.email)}
        </span>
        <span className="min-w-0 flex-1 truncate font-medium">{user.name || user.email}</span>
      </DropdownMenuTrigger>
      <DropdownMenuContent side="top" className="w-56">
        <DropdownMenuLabel className="font-normal">
          <span className="block truncate text-sm font-medium text-gray-900">{user.name}</span>
          <span className="block truncate text-xs text-gray-500">{user.email}</span>
          <span className="mt-1 block text-xs text-gray-500">
            Role in this workspace: <span className="font-medium text-gray-700 capitalize">{role}</span>
          </span>
        </DropdownMenuLabel>
        <DropdownMenuSeparator />
        <form action={signOutAction}>
          <SignOutItem />
        </form>
      </DropdownMenuContent>
    </DropdownMenu>
  );
}

function SignOutItem() {
  const { pending } = useFormStatus();
  return (
    // Keep the menu open on select: closing it would unmount the form before the
    // browser submits it ("form is not connected"), and nothing would happen.
    <DropdownMenuItem asChild onSelect={(event) => event.preventDefault()}>
      <button type="submit" disabled={pending} aria-busy={pending || undefined}>
        <LogoutIcon className="text-gray-500" />
        {pending ? "Signing out…" : "Sign out"}
      </button>
    </DropdownMenuItem>
  );
}
