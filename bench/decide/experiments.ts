// The benchmark's ten running experiments on the demo data (issue 15): whatever the seed runs, topped up through
// the admin API (so that they are made exactly as a marketer's would be) with A/B tests of experiences, a 2 × 2
// multivariate test if there is none, two flags sharing a layer half and half and one flag alone; and a 5 % holdout.
import { randomBytes } from "node:crypto";
import type pg from "pg";
import { DEFAULT_SCOPES, apiKeyPrefix, generateApiKey, hashApiKey } from "@/lib/api-keys/secret";

type Experience = { id: string; placement_id: string; variant_ids: string[] };
const TOTAL = 10;

/** Makes the demo workspace run ten experiments and a 5 % holdout; returns the flag keys a storefront would ask for. */
export async function ensureBenchExperiments(db: pg.Client, baseUrl: string, say: (line: string) => void) {
  const { rows: ws } = await db.query<{ id: string }>(`SELECT id FROM workspaces WHERE slug = 'demo'`);
  const workspaceId = ws[0]!.id;
  const key = generateApiKey("admin");
  await db.query(
    `INSERT INTO api_keys (id, workspace_id, name, prefix, hash, scopes) VALUES ($1, $2, 'bench admin', $3, $4, $5::"ApiKeyScope"[])`,
    [
      `bench-admin-${randomBytes(4).toString("hex")}`,
      workspaceId,
      apiKeyPrefix(key),
      hashApiKey(key),
      DEFAULT_SCOPES.admin,
    ],
  );
  await db.query(
    `UPDATE workspaces SET holdout_share = 0.05, config_version = config_version + 1 WHERE id = $1 AND holdout_share = 0`,
    [workspaceId],
  );
  const api = async (path: string, body?: unknown) => {
    const response = await fetch(`${baseUrl}/api/v1/${path}`, {
      method: "POST",
      headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const json = (await response.json()) as { id?: string; error?: { message: string } };
    if (!response.ok) throw new Error(`${path}: ${response.status} ${json.error?.message}`);
    return json;
  };
  const running = async () =>
    (
      await db.query<{ key: string; type: string; placement_ids: string[] }>(
        `SELECT key, type::text, CASE WHEN type = 'multivariate' THEN ARRAY(SELECT f->>'placementId' FROM jsonb_array_elements(factors) f)
                ELSE ARRAY[placement_id] END AS placement_ids
         FROM experiments WHERE workspace_id = $1 AND status = 'running'`,
        [workspaceId],
      )
    ).rows;
  let live = await running();
  const busy = new Set(live.flatMap((e) => e.placement_ids));
  const { rows: experiences } = await db.query<Experience>(
    `SELECT e.id, e.placement_id, ARRAY(SELECT v.id FROM variants v WHERE v.content_block_id = e.id ORDER BY v.created_at) AS variant_ids
     FROM content_blocks e WHERE e.workspace_id = $1 AND NOT e.is_default AND e.status = 'live' ORDER BY e.placement_id, e.priority`,
    [workspaceId],
  );
  const free = experiences.filter((e) => !busy.has(e.placement_id) && e.variant_ids.length > 0);
  const start = async (body: object) => api(`experiments/${(await api("experiments", body)).id}/start`);
  const suffix = randomBytes(3).toString("hex");
  const flagKeys = [`bench-flag-a-${suffix}`, `bench-flag-b-${suffix}`, `bench-flag-c-${suffix}`];
  if (!live.some((e) => e.type === "multivariate")) {
    const byPlacement = new Map<string, Experience[]>();
    for (const e of free) byPlacement.set(e.placement_id, [...(byPlacement.get(e.placement_id) ?? []), e]);
    const two = [...byPlacement.entries()].slice(0, 2);
    if (two.length === 2) {
      await start({
        key: `bench-mvt-${suffix}`,
        name: "Bench multivariate",
        type: "multivariate",
        factors: two.map(([placementId, list], i) => ({
          key: `f${i}`,
          name: `Factor ${i}`,
          placementId,
          levels: [
            { key: "default", name: "Default", variantId: null },
            { key: "content", name: "Content", variantId: list[0]!.variant_ids[0] },
          ],
        })),
      });
      for (const [placementId] of two) busy.add(placementId);
    }
  }
  live = await running();
  // A/B tests of experiences (several per placement: each splits only the visitors its experience wins)
  const abs = free.filter((e) => !busy.has(e.placement_id));
  let made = 0;
  for (const e of abs) {
    if (live.length + made >= TOTAL - flagKeys.length) break;
    made += 1;
    await start({
      key: `bench-ab-${made}-${suffix}`,
      name: `Bench A/B ${made}`,
      type: "ab",
      experienceId: e.id,
      variations: [
        { key: "control", name: "Default", variantId: null },
        { key: "content", name: "Content", variantId: e.variant_ids[0] },
      ],
    });
  }
  const layerId = `bench-layer-${suffix}`;
  await db.query(`INSERT INTO layers (id, workspace_id, key, name) VALUES ($1, $2, $1, 'Bench layer')`, [
    layerId,
    workspaceId,
  ]);
  for (const [i, flag] of flagKeys.entries())
    await start({
      key: flag,
      name: `Bench flag ${i}`,
      type: "flag",
      ...(i < 2 ? { layerId, layerShare: 0.5 } : {}),
      variations: [
        { key: "off", name: "Off", value: false },
        { key: "on", name: "On", value: true },
      ],
    });
  live = await running();
  say(`${live.length} running experiments (${live.map((e) => e.type).join(", ")}), a 5 % holdout`);
  return { flagKeys, running: live.length };
}
