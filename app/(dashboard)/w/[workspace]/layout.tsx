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
  return (
    <AppShell
      workspace={access.workspace}
      workspaces={workspaces}
      user={access.user}
      role={access.role}
      signOutAction={signOutAction}
    >
      {children}
    </AppShell>
  );
}
