import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ConsentCard } from "@/components/profiles/consent-card";
import { EventTimeline } from "@/components/profiles/event-timeline";
import { IdentityCard } from "@/components/profiles/identity-card";
import { MergeCard } from "@/components/profiles/merge-card";
import { ProfileStats } from "@/components/profiles/profile-stats";
import { RecomputeRfmButton } from "@/components/profiles/recompute-rfm-button";
import { TraitCard } from "@/components/profiles/trait-card";
import { PageHeader } from "@/components/ui/page-header";
import { formatDateTime } from "@/lib/format";
import { consentStates } from "@/lib/profiles/consent";
import { asTraits, profileDisplayName } from "@/lib/profiles/display";
import { describeIdentities } from "@/lib/profiles/identities";
import { getProfile, profileEventNames } from "@/lib/profiles/db/profiles";
import { profileIdSchema } from "@/lib/profiles/schema";
import { requireWorkspace } from "@/lib/workspaces/runtime/require-workspace";

export const metadata: Metadata = { title: "Profile" };

type Props = { params: Promise<{ workspace: string; profileId: string }> };

export default async function ProfilePage({ params }: Props) {
  const { workspace: slug, profileId: rawId } = await params;
  const { workspace, can } = await requireWorkspace(slug);
  const profileId = profileIdSchema.safeParse(rawId);
  if (!profileId.success) notFound();
  const [profile, eventNames] = await Promise.all([
    getProfile(workspace.id, profileId.data),
    profileEventNames(workspace.id, profileId.data),
  ]);
  if (!profile) notFound();
  const traits = asTraits(profile.traits);
  return (
    <>
      <Link
        href={`/w/${workspace.slug}/profiles`}
        className="mb-2 inline-block text-sm text-gray-500 hover:text-gray-900"
      >
        ← Profiles
      </Link>
      <PageHeader
        title={profileDisplayName(traits) ?? "Anonymous visitor"}
        description={`First seen ${formatDateTime(profile.firstSeenAt)} · Last seen ${formatDateTime(profile.lastSeenAt)}`}
        actions={can.edit ? <RecomputeRfmButton workspaceId={workspace.id} /> : null}
      />
      <div className="space-y-6">
        <ProfileStats profile={{ ...profile, revenue: profile.revenue.toNumber() }} now={new Date()} />
        <div className="grid gap-6 lg:grid-cols-2">
          <TraitCard traits={traits} />
          <IdentityCard identities={describeIdentities(profile.identities, traits, workspace.identitySalt)} />
          <ConsentCard states={consentStates(profile.consent)} changes={profile.consentChanges} />
          <MergeCard merges={profile.merges} />
        </div>
        <EventTimeline workspaceId={workspace.id} profileId={profile.id} eventNames={eventNames} />
      </div>
    </>
  );
}
