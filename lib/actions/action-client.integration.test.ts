import { readFileSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { createApiKeyDef } from "@/lib/api-keys/actions/create-api-key";
import { revokeApiKeyDef } from "@/lib/api-keys/actions/revoke-api-key";
import { setApiRateLimitDef } from "@/lib/api-keys/actions/set-api-rate-limit";
import { changeRoleDef } from "@/lib/members/actions/change-role";
import { inviteMemberDef } from "@/lib/members/actions/invite";
import { removeMemberDef } from "@/lib/members/actions/remove";
import { revokeInvitationDef } from "@/lib/members/actions/revoke-invitation";
import { recomputeRfmDef } from "@/lib/profiles/actions/recompute-rfm";
import { setStorePlainPiiDef } from "@/lib/workspaces/actions/set-store-plain-pii";
import { setTimeZoneDef } from "@/lib/workspaces/actions/set-time-zone";
import { breakdownDef } from "@/lib/analytics/actions/breakdown";
import { contentDef } from "@/lib/analytics/actions/content";
import { funnelDef } from "@/lib/analytics/actions/funnel";
import { liftDef } from "@/lib/analytics/actions/lift";
import { overviewDef } from "@/lib/analytics/actions/overview";
import { setCorsOriginsDef } from "@/lib/workspaces/actions/set-cors-origins";
import { archiveSegmentDef } from "@/lib/segments/actions/archive-segment";
import { duplicateSegmentDef } from "@/lib/segments/actions/duplicate-segment";
import { freezeSegmentDef } from "@/lib/segments/actions/freeze-segment";
import { recomputeSegmentDef } from "@/lib/segments/actions/recompute-segment";
import { saveSegmentDef } from "@/lib/segments/actions/save-segment";
import { uploadStaticSegmentDef } from "@/lib/segments/actions/upload-static-segment";
import { createPlacementDef } from "@/lib/content/actions/create-placement";
import { deleteExperienceDef, moveExperienceDef, setExperienceStatusDef } from "@/lib/content/actions/experience-state";
import { saveExperienceDef } from "@/lib/content/actions/save-experience";
import { setKillSwitchDef } from "@/lib/content/actions/set-kill-switch";
import { updatePlacementDef } from "@/lib/content/actions/update-placement";
import { createIdentitySecretDef } from "@/lib/identity/actions/create-identity-secret";
import { expireIdentitySecretDef } from "@/lib/identity/actions/expire-identity-secret";
import { setRequestTraitsDef, setRequireSignedUserIdsDef } from "@/lib/identity/actions/set-identity-verification";
import { deleteGoalDef } from "@/lib/goals/actions/delete-goal";
import { saveGoalDef } from "@/lib/goals/actions/save-goal";
import { saveExperimentDef } from "@/lib/experiments/actions/save-experiment";
import { saveLayerDef } from "@/lib/experiments/actions/save-layer";
import { setHoldoutDef } from "@/lib/experiments/actions/set-holdout";
import { stepExperimentDef } from "@/lib/experiments/actions/step-experiment";
import { experimentStatsDef } from "@/lib/experiments/actions/experiment-stats";
import { explainArmDef } from "@/lib/experiments/actions/explain-arm";
import { previewLinkDef } from "@/lib/experiments/actions/preview-link";
import { importProgressQueryDef } from "@/lib/imports/actions/load-import-progress";
import { undoImportDef } from "@/lib/imports/actions/undo-import";
import { previewDecisionDef } from "@/lib/content/actions/preview-decision";
import { profileLookupDef } from "@/lib/content/actions/lookup-profiles";
import { segmentPreviewDef } from "@/lib/segments/actions/preview-segment";
import { timelineQueryDef } from "@/lib/profiles/actions/load-timeline";
import { experimentResultsDef } from "@/lib/results/actions/experiment-results";
import { setExperimentEngineDef, setWorkspaceEngineDef } from "@/lib/results/actions/set-stats-engine";
import { hasRole } from "@/lib/members/roles";
import { createTestWorkspace } from "@/scripts/test/fixtures";
import { runWorkspaceAction, type WorkspaceActionDef } from "./action-client";

type Fixture = Awaited<ReturnType<typeof createTestWorkspace>>;
let a: Fixture;
let b: Fixture;
let bKeyId: string;
let bInvitationId: string;
let bSegmentId: string;
let bPlacementId: string;
let bExperienceId: string;
let bSecretId: string;
let bGoalId: string;
let bImportJobId: string;
let bExperimentId: string;
let bVariationId: string;
let bProfileId: string;

/** A snapshot of everything workspace B holds that an action could change. */
async function stateOf(workspaceId: string) {
  const [
    workspace,
    memberships,
    apiKeys,
    invitations,
    audit,
    segments,
    segmentMembers,
    placements,
    blocks,
    variants,
    identitySecrets,
    goals,
    experiments,
    layers,
  ] = await Promise.all([
    db.workspace.findUniqueOrThrow({ where: { id: workspaceId } }),
    db.membership.findMany({ where: { workspaceId }, orderBy: { id: "asc" } }),
    db.apiKey.findMany({ where: { workspaceId }, orderBy: { id: "asc" } }),
    db.invitation.findMany({ where: { workspaceId }, orderBy: { id: "asc" } }),
    db.auditLog.count({ where: { workspaceId } }),
    db.segment.findMany({ where: { workspaceId }, orderBy: { id: "asc" } }),
    db.segmentMembership.count({ where: { workspaceId } }),
    db.placement.findMany({ where: { workspaceId }, orderBy: { id: "asc" } }),
    db.experience.findMany({ where: { workspaceId }, orderBy: { id: "asc" } }),
    db.variant.findMany({ where: { workspaceId }, orderBy: { id: "asc" } }),
    db.identitySecret.findMany({ where: { workspaceId }, orderBy: { id: "asc" } }),
    db.goal.findMany({ where: { workspaceId }, orderBy: { id: "asc" } }),
    db.experiment.findMany({
      where: { workspaceId },
      orderBy: { id: "asc" },
      include: { variations: true, phases: true },
    }),
    db.layer.findMany({ where: { workspaceId }, orderBy: { id: "asc" } }),
  ]);
  return {
    workspace,
    memberships,
    apiKeys,
    invitations,
    audit,
    segments,
    segmentMembers,
    placements,
    blocks,
    variants,
    identitySecrets,
    goals,
    experiments,
    layers,
  };
}

/** An A/B test of workspace B's experience (the default against its content). */
const experimentInput = () => ({
  key: "b-test",
  name: "B test",
  type: "ab",
  experienceId: bExperienceId,
  variations: [
    { key: "control", name: "Control", variantId: null },
    { key: "other", name: "Other", variantId: null },
  ],
});

/** Every workspace action, with an input aimed at workspace B's rows. */
function attacks(): { def: WorkspaceActionDef<never, unknown>; input: Record<string, unknown> }[] {
  const list = [
    { def: inviteMemberDef, input: { email: "intruder@test.example", role: "admin" } },
    { def: changeRoleDef, input: { membershipId: b.member("viewer").membershipId, role: "admin" } },
    { def: removeMemberDef, input: { membershipId: b.member("editor").membershipId } },
    { def: revokeInvitationDef, input: { invitationId: bInvitationId } },
    { def: createApiKeyDef, input: { name: "stolen", kind: "admin" } },
    { def: revokeApiKeyDef, input: { apiKeyId: bKeyId } },
    { def: recomputeRfmDef, input: {} },
    { def: setStorePlainPiiDef, input: { storePlainPii: false } },
    { def: setCorsOriginsDef, input: { origins: "https://evil.example" } },
    {
      def: saveSegmentDef,
      input: {
        segmentId: bSegmentId,
        name: "hijacked",
        rule: { type: "group", id: "r", combinator: "or", children: [] },
      },
    },
    { def: duplicateSegmentDef, input: { segmentId: bSegmentId } },
    { def: archiveSegmentDef, input: { segmentId: bSegmentId, archived: true } },
    { def: freezeSegmentDef, input: { segmentId: bSegmentId, name: "stolen" } },
    { def: recomputeSegmentDef, input: { segmentId: bSegmentId } },
    { def: uploadStaticSegmentDef, input: { name: "planted", entries: "someone@test.example" } },
    { def: createPlacementDef, input: { key: "planted", name: "Planted", contentType: "text", defaultBody: "x" } },
    { def: updatePlacementDef, input: { placementId: bPlacementId, name: "hijacked", defaultBody: "pwned" } },
    { def: setKillSwitchDef, input: { placementId: bPlacementId, on: true } },
    {
      def: saveExperienceDef,
      input: {
        placementId: bPlacementId,
        experienceId: bExperienceId,
        name: "hijacked",
        target: { kind: "rule", rule: { type: "group", id: "r", combinator: "and", children: [] } },
        status: "live",
        schedule: { timeZone: "UTC" },
        body: "pwned",
      },
    },
    { def: setExperienceStatusDef, input: { experienceId: bExperienceId, status: "paused" } },
    { def: moveExperienceDef, input: { experienceId: bExperienceId, direction: "down" } },
    { def: deleteExperienceDef, input: { experienceId: bExperienceId } },
    { def: createIdentitySecretDef, input: { overlapHours: 0 } },
    { def: expireIdentitySecretDef, input: { secretId: bSecretId } },
    { def: setRequireSignedUserIdsDef, input: { required: false } },
    { def: setRequestTraitsDef, input: { traits: "plan" } },
    { def: setApiRateLimitDef, input: { perSecond: 1 } },
    {
      def: saveGoalDef,
      input: { goalId: bGoalId, name: "hijacked", eventName: "Order Completed", kind: "count", windowDays: 1 },
    },
    { def: deleteGoalDef, input: { goalId: bGoalId } },
    { def: saveExperimentDef, input: { ...experimentInput(), experimentId: bExperimentId, name: "hijacked" } },
    { def: stepExperimentDef, input: { experimentId: bExperimentId, step: "start" } },
    { def: saveLayerDef, input: { key: "stolen", name: "Stolen" } },
    { def: setHoldoutDef, input: { share: 0.5 } },
    // the experiments' queries (server actions too): which arm a visitor gets, the live counts, preview links
    { def: explainArmDef, input: { experimentId: bExperimentId, as: { kind: "visitor", anonymousId: "spy" } } },
    { def: experimentStatsDef, input: { experimentId: bExperimentId } },
    {
      def: previewLinkDef,
      input: { experimentId: bExperimentId, variationId: bVariationId, url: "https://evil.example/" },
    },
    // the other queries pages call: B's imports, a decision preview, a profile search, a segment's size, a timeline
    { def: importProgressQueryDef, input: { since: "2020-01-01T00:00:00.000Z" } },
    { def: undoImportDef, input: { jobId: bImportJobId } },
    { def: previewDecisionDef, input: { placementId: bPlacementId, as: { kind: "profile", profileId: bProfileId } } },
    { def: profileLookupDef, input: { q: "b" } },
    { def: segmentPreviewDef, input: { rule: { type: "group", id: "r", combinator: "and", children: [] } } },
    { def: timelineQueryDef, input: { profileId: bProfileId } },
    // the results (a query) and how they are read
    { def: experimentResultsDef, input: { experimentId: bExperimentId } },
    { def: setExperimentEngineDef, input: { experimentId: bExperimentId, engine: "bayesian" } },
    { def: setWorkspaceEngineDef, input: { engine: "sequential" } },
    { def: setTimeZoneDef, input: { timeZone: "Asia/Tokyo" } },
    // the overview's reads (queries of the workspace as a whole)
    { def: overviewDef, input: { preset: "7d" } },
    { def: liftDef, input: {} },
    { def: breakdownDef, input: { by: "device" } },
    { def: contentDef, input: {} },
    { def: funnelDef, input: { steps: [{ eventName: "Product Viewed" }, { eventName: "Order Completed" }] } },
  ];
  return list as unknown as { def: WorkspaceActionDef<never, unknown>; input: Record<string, unknown> }[];
}

beforeAll(async () => {
  a = await createTestWorkspace("Alpha");
  b = await createTestWorkspace("Beta");
  const created = await runWorkspaceAction(createApiKeyDef, b.member("admin").userId, {
    workspaceId: b.workspace.id,
    name: "B key",
    kind: "write",
  });
  if (!created.ok) throw new Error(created.error.message);
  bKeyId = created.data.apiKey.id;
  const invited = await runWorkspaceAction(inviteMemberDef, b.member("admin").userId, {
    workspaceId: b.workspace.id,
    email: "pending@test.example",
    role: "viewer",
  });
  if (!invited.ok) throw new Error(invited.error.message);
  bInvitationId = invited.data.invitationId;
  const segment = await runWorkspaceAction(saveSegmentDef, b.member("editor").userId, {
    workspaceId: b.workspace.id,
    name: "B segment",
    rule: { type: "group", id: "r", combinator: "and", children: [] },
  });
  if (!segment.ok) throw new Error(segment.error.message);
  bSegmentId = segment.data.segmentId;
  const editor = b.member("editor").userId;
  const placement = await runWorkspaceAction(createPlacementDef, editor, {
    workspaceId: b.workspace.id,
    key: "home-hero",
    name: "Hero",
    contentType: "html",
    defaultBody: "<h1>Hi</h1>",
  });
  if (!placement.ok) throw new Error(placement.error.message);
  bPlacementId = placement.data.placementId;
  const experience = await runWorkspaceAction(saveExperienceDef, editor, {
    workspaceId: b.workspace.id,
    placementId: bPlacementId,
    name: "B experience",
    target: { kind: "segment", segmentId: bSegmentId },
    status: "live",
    schedule: { timeZone: "UTC" },
    body: "<h1>B</h1>",
  });
  if (!experience.ok) throw new Error(experience.error.message);
  bExperienceId = experience.data.experienceId;
  const secret = await runWorkspaceAction(createIdentitySecretDef, b.member("admin").userId, {
    workspaceId: b.workspace.id,
    overlapHours: 0,
  });
  if (!secret.ok) throw new Error(secret.error.message);
  bSecretId = secret.data.secretId;
  const goal = await runWorkspaceAction(saveGoalDef, editor, {
    workspaceId: b.workspace.id,
    name: "B goal",
    eventName: "Order Completed",
  });
  if (!goal.ok) throw new Error(goal.error.message);
  bGoalId = goal.data.goalId;
  bImportJobId = (
    await db.importJob.create({
      data: {
        workspaceId: b.workspace.id,
        kind: "customers",
        fileName: "b.csv",
        fileSha256: "",
        mapping: {},
        status: "completed",
        createdById: editor,
      },
    })
  ).id;
  const experiment = await runWorkspaceAction(saveExperimentDef, editor, {
    workspaceId: b.workspace.id,
    ...experimentInput(),
  });
  if (!experiment.ok) throw new Error(experiment.error.message);
  bExperimentId = experiment.data.experimentId;
  bVariationId = (await db.variation.findFirstOrThrow({ where: { experimentId: bExperimentId } })).id;
  const now = new Date();
  bProfileId = (await db.profile.create({ data: { workspaceId: b.workspace.id, firstSeenAt: now, lastSeenAt: now } }))
    .id;
});

describe("workspace isolation through actions", () => {
  it("refuses every action of a member of A aimed at workspace B, changing nothing", async () => {
    const before = await stateOf(b.workspace.id);
    for (const { def, input } of attacks()) {
      const result = await runWorkspaceAction(def, a.member("admin").userId, { workspaceId: b.workspace.id, ...input });
      expect(result, def.name).toMatchObject({ ok: false, error: { code: "forbidden" } });
    }
    expect(await stateOf(b.workspace.id)).toEqual(before);
  });

  it("refuses A's admin acting in A on rows that belong to B", async () => {
    const before = await stateOf(b.workspace.id);
    for (const { def, input } of attacks().filter(({ input }) => Object.keys(input).some((k) => k.endsWith("Id")))) {
      const result = await runWorkspaceAction(def, a.member("admin").userId, { workspaceId: a.workspace.id, ...input });
      expect(result, def.name).toMatchObject({ ok: false, error: { code: "not_found" } });
    }
    expect(await stateOf(b.workspace.id)).toEqual(before);
  });

  it("covers every workspace action that a page exposes", () => {
    const defsByName: Record<string, { name: string }> = {
      inviteMemberDef,
      changeRoleDef,
      removeMemberDef,
      revokeInvitationDef,
      createApiKeyDef,
      revokeApiKeyDef,
      recomputeRfmDef,
      setStorePlainPiiDef,
      setCorsOriginsDef,
      saveSegmentDef,
      duplicateSegmentDef,
      archiveSegmentDef,
      freezeSegmentDef,
      recomputeSegmentDef,
      uploadStaticSegmentDef,
      createPlacementDef,
      updatePlacementDef,
      setKillSwitchDef,
      saveExperienceDef,
      setExperienceStatusDef,
      moveExperienceDef,
      deleteExperienceDef,
      createIdentitySecretDef,
      expireIdentitySecretDef,
      setRequireSignedUserIdsDef,
      setRequestTraitsDef,
      setApiRateLimitDef,
      saveGoalDef,
      deleteGoalDef,
      saveExperimentDef,
      stepExperimentDef,
      saveLayerDef,
      setHoldoutDef,
      explainArmDef,
      experimentStatsDef,
      previewLinkDef,
      importProgressQueryDef,
      undoImportDef,
      previewDecisionDef,
      profileLookupDef,
      segmentPreviewDef,
      timelineQueryDef,
      experimentResultsDef,
      setExperimentEngineDef,
      setWorkspaceEngineDef,
      setTimeZoneDef,
      overviewDef,
      liftDef,
      breakdownDef,
      contentDef,
      funnelDef,
    };
    const tested = new Set(attacks().map(({ def }) => def.name));
    const exposed = actionFiles("lib").flatMap((file) =>
      [...readFileSync(file, "utf8").matchAll(/server(?:Action|Query)\((\w+)\)/g)].map((m) => m[1] ?? ""),
    );
    expect(exposed.length).toBeGreaterThan(0);
    for (const name of exposed) {
      expect(defsByName[name], `${name} is exposed by a page but missing from this test`).toBeDefined();
      expect(tested).toContain(defsByName[name]?.name);
    }
  });
});

describe("roles", () => {
  it("refuses every action to the roles below the one it needs, changing nothing", async () => {
    for (const role of ["viewer", "editor"] as const) {
      const before = await stateOf(b.workspace.id);
      for (const { def, input } of attacks().filter(({ def }) => !hasRole(role, def.role))) {
        const result = await runWorkspaceAction(def, b.member(role).userId, { workspaceId: b.workspace.id, ...input });
        expect(result, `${role} ${def.name}`).toMatchObject({ ok: false, error: { code: "forbidden" } });
      }
      expect(await stateOf(b.workspace.id)).toEqual(before);
    }
  });

  it("refuses a call without a session", async () => {
    const result = await runWorkspaceAction(createApiKeyDef, null, {
      workspaceId: a.workspace.id,
      name: "x",
      kind: "write",
    });
    expect(result).toMatchObject({ ok: false, error: { code: "unauthenticated" } });
  });

  it("reports invalid input per field", async () => {
    const result = await runWorkspaceAction(inviteMemberDef, a.member("admin").userId, {
      workspaceId: a.workspace.id,
      email: "not-an-email",
      role: "owner",
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe("invalid_input");
    expect(Object.keys(result.error.fieldErrors ?? {}).sort()).toEqual(["email", "role"]);
  });

  it("refuses U+0000 in any field (Postgres cannot store it) as a field error, changing nothing", async () => {
    const before = await db.apiKey.count({ where: { workspaceId: a.workspace.id } });
    const result = await runWorkspaceAction(createApiKeyDef, a.member("admin").userId, {
      workspaceId: a.workspace.id,
      name: "bad\u0000name",
      kind: "write",
    });
    expect(result).toMatchObject({
      ok: false,
      error: { code: "invalid_input", fieldErrors: { name: ["must not contain the NUL character (U+0000)"] } },
    });
    expect(await db.apiKey.count({ where: { workspaceId: a.workspace.id } })).toBe(before);
  });
});

describe("audit log", () => {
  it("records who changed what, with before and after", async () => {
    const admin = a.member("admin");
    const result = await runWorkspaceAction(changeRoleDef, admin.userId, {
      workspaceId: a.workspace.id,
      membershipId: a.member("viewer").membershipId,
      role: "editor",
    });
    expect(result.ok).toBe(true);
    const entry = await db.auditLog.findFirst({
      where: { workspaceId: a.workspace.id, action: "member.change_role" },
      orderBy: { id: "desc" },
    });
    expect(entry).toMatchObject({
      actorId: admin.userId,
      actorKind: "user",
      targetType: "membership",
      targetId: a.member("viewer").membershipId,
      before: { role: "viewer" },
      after: { role: "editor" },
    });
  });

  it("writes no audit row when the change is refused", async () => {
    const count = await db.auditLog.count({ where: { workspaceId: a.workspace.id } });
    await runWorkspaceAction(removeMemberDef, a.member("viewer").userId, {
      workspaceId: a.workspace.id,
      membershipId: a.member("admin").membershipId,
    });
    expect(await db.auditLog.count({ where: { workspaceId: a.workspace.id } })).toBe(count);
  });
});

function actionFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    if (statSync(file).isDirectory()) return actionFiles(file);
    return file.endsWith(path.join("actions", "index.ts")) ? [file] : []; // each domain's "use server" bindings
  });
}
