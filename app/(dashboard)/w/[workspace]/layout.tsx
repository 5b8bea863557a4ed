import { AppShell } from "@/components/shell/app-shell";
import { requireWorkspace } from "@/lib/workspaces/runtime/require-workspace";
import { workspacesOfUser } from "@/lib/workspaces/db/workspaces";
import { signOutAction } from "@/lib/auth/actions";

export default async function WorkspaceLayout({
  children,
  params,
}: {
  children: React.ReactNode;
  params: Promise<{ workspace: string }>;
}) {
  const { workspace: slug } = await params;
  const access = await requireWorkspace(slug);
  const workspaces = await workspacesOfUser(access.user.id);
  // only what the shell shows reaches the browser (the workspace row also holds its identity salt)
  return (
    <AppShell
      workspace={{ slug: access.workspace.slug, name: access.workspace.name }}
      workspaces={workspaces.map(({ slug, name, role }) => ({ slug, name, role }))}
      user={{ name: access.user.name, email: access.user.email }}
      role={access.role}
      signOutAction={signOutAction}
    >
      {children}
    </AppShell>
  );
}
