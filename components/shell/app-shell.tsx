import type { ReactNode } from "react";
import { Sidebar } from "./sidebar";
import { UserMenu } from "./user-menu";
import { WorkspaceSwitcher } from "./workspace-switcher";

export type AppShellProps = {
  workspace: { slug: string; name: string };
  workspaces: { slug: string; name: string; role: string }[];
  user: { name: string; email: string };
  /** The user's role in `workspace`. */
  role: string;
  signOutAction: () => Promise<void>;
  children: ReactNode;
};

/** Sidebar on the left, the page scrolling on the right inside a max-width column. */
export function AppShell({ workspace, workspaces, user, role, signOutAction, children }: AppShellProps) {
  return (
    <div className="flex h-dvh overflow-hidden bg-white">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:fixed focus:top-2 focus:left-2 focus:z-50 focus:rounded-md focus:bg-white focus:px-3 focus:py-2 focus:text-sm focus:shadow-lg"
      >
        Skip to content
      </a>
      <Sidebar
        workspaceSlug={workspace.slug}
        header={<WorkspaceSwitcher current={workspace} workspaces={workspaces} />}
      >
        <UserMenu user={user} role={role} signOutAction={signOutAction} />
      </Sidebar>
      <main id="main" tabIndex={-1} className="min-w-0 flex-1 overflow-y-auto focus:outline-hidden">
        <div className="mx-auto w-full max-w-6xl px-8 py-8">{children}</div>
      </main>
    </div>
  );
}
