import { redirect } from "next/navigation";
import { currentUserId } from "@/lib/auth/session";
import { workspacesOfUser } from "@/lib/workspaces/db/workspaces";

/** The entry point: the user's first workspace, or the sign-in page. */
export default async function Home() {
  const userId = await currentUserId();
  if (!userId) redirect("/login");
  const [first] = await workspacesOfUser(userId);
  if (!first) redirect("/login?error=no-workspace");
  redirect(`/w/${first.slug}`);
}
