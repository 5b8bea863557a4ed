import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { closePgPool, pgPool } from "@/lib/db/pg-pool";
import { createTestWorkspace } from "@/scripts/test/fixtures";
import { compileRule, startEvaluation } from "./evaluate";
import type { RuleGroup } from "./schema";
import type { SegmentRef } from "./state";
import { DYNAMIC_SEGMENT, NOW, profileArbitrary, ruleArbitrary, STATIC_SEGMENT } from "./testing/arbitraries";
import { loadProfiles } from "@/scripts/test/segment-profiles";
import { toSql } from "./to-sql";

/*
 * The two interpreters of a segment rule must choose the same profiles.
 * 80 random datasets of up to 30 profiles (traits of every JSON type, events
 * with properties on window edges, computed values, static memberships) are
 * loaded into Postgres; against each, 25 random rules run through `toSql`
 * and through `evaluate`: 2,000 rules in all.
 */

const DATASETS = 80;
const RULES_PER_DATASET = 25;
let workspaceId = "";

afterAll(() => closePgPool());

beforeAll(async () => {
  const { workspace } = await createTestWorkspace("Parity", []);
  workspaceId = workspace.id;
  await db.segment.create({ data: { id: STATIC_SEGMENT, workspaceId, name: "static", kind: "static" } });
});

describe("segment interpreters", () => {
  it("toSql and evaluate choose the same profiles for 2,000 random rules", { timeout: 600_000 }, async () => {
    let checked = 0;
    let splitting = 0; // rules that chose some profiles of a dataset but not all
    let none = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(profileArbitrary, { minLength: 12, maxLength: 30 }),
        ruleArbitrary,
        fc.array(ruleArbitrary, { minLength: RULES_PER_DATASET, maxLength: RULES_PER_DATASET }),
        async (profiles, dynamicRule, rules) => {
          const ids = profiles.map((_, i) => `pp${i}`);
          await loadProfiles(
            pgPool(),
            workspaceId,
            profiles.map((p, i) => ({ id: ids[i]!, ...p, staticSegments: p.inStaticSegment ? [STATIC_SEGMENT] : [] })),
          );
          const segments = new Map<string, SegmentRef>([
            [STATIC_SEGMENT, { kind: "static", rule: { type: "group", id: "s", combinator: "and", children: [] } }],
            [DYNAMIC_SEGMENT, { kind: "dynamic", rule: dynamicRule }],
          ]);
          const states = profiles.map((p) => ({
            traits: p.traits,
            computed: p.computed,
            events: p.events,
            staticSegments: new Set(p.inStaticSegment ? [STATIC_SEGMENT] : []),
          }));
          for (const rule of rules) {
            const { predicate, values } = toSql(rule, { workspaceId, now: NOW, segments });
            const { rows } = await pgPool().query<{ id: string }>(
              `SELECT p.id FROM profiles p WHERE p.workspace_id = $1 AND ${predicate} ORDER BY p.id`,
              values,
            );
            const matches = compileRule(rule, segments);
            const inMemory = ids.filter((_, i) => matches(startEvaluation(states[i]!, NOW, null))).sort();
            expect(
              rows.map((r) => r.id),
              explain(rule, dynamicRule),
            ).toEqual(inMemory);
            checked += 1;
            if (inMemory.length > 0 && inMemory.length < ids.length) splitting += 1;
            else if (inMemory.length === 0) none += 1;
          }
        },
      ),
      { numRuns: DATASETS, seed: Number(process.env.PARITY_SEED ?? 20261123) },
    );
    console.info(`parity: ${checked} rules, ${splitting} split their dataset, ${none} chose none`);
    expect(checked).toBeGreaterThanOrEqual(DATASETS * RULES_PER_DATASET);
    // the rules are not trivial: a good share of them split a dataset
    expect(splitting / checked).toBeGreaterThan(0.2);
  });
});

const explain = (rule: RuleGroup, dynamicRule: RuleGroup) =>
  `rule ${JSON.stringify(rule)}\ndynamic segment ${JSON.stringify(dynamicRule)}`;
