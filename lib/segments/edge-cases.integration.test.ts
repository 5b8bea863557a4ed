import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closePgPool, pgPool } from "@/lib/db/pg-pool";
import { createTestWorkspace } from "@/scripts/test/fixtures";
import { baseComputed, EDGE_CASES, EDGE_NOW } from "./testing/edge-cases";
import { loadProfiles } from "@/scripts/test/segment-profiles";
import { toSql } from "./to-sql";

let workspaceId = "";
afterAll(() => closePgPool());

beforeAll(async () => {
  workspaceId = (await createTestWorkspace("Edges", [])).workspace.id;
  await loadProfiles(
    pgPool(),
    workspaceId,
    EDGE_CASES.map((c, i) => ({
      id: `edge${i}`,
      traits: c.traits ?? {},
      events: c.events ?? [],
      computed: { ...baseComputed, ...c.computed },
    })),
  );
});

describe("toSql: every operator at its edges, on Postgres", () => {
  EDGE_CASES.forEach((c, i) => {
    it(c.name, async () => {
      const { predicate, values } = toSql(
        { type: "group", id: "g", combinator: "and", children: [c.condition] },
        { workspaceId, now: EDGE_NOW, segments: new Map() },
      );
      const { rows } = await pgPool().query(
        `SELECT p.id FROM profiles p WHERE p.workspace_id = $1 AND p.id = $${values.length + 1} AND ${predicate}`,
        [...values, `edge${i}`],
      );
      expect(rows.length === 1).toBe(c.expected);
    });
  });
});
