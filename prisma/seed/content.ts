import type pg from "pg";
import type { RuleGroup } from "@/lib/segments/schema";
import { idFrom } from "./random";

/** Demo segment ids, in the order prisma/seed/segments.ts creates them. */
const SEGMENT = { champions: 0, atRisk: 1, cartAbandoners: 2, windowShoppers: 3, newVisitors: 4, shoeFans: 5 } as const;

type Experience = { name: string; segment?: keyof typeof SEGMENT; rule?: RuleGroup; body: string };
type DemoPlacement = {
  key: string;
  name: string;
  contentType: "html" | "text" | "json";
  jsonSchema?: object;
  fallback: string;
  experiences: Experience[];
};

const mobile: RuleGroup = {
  type: "group",
  id: "root",
  combinator: "and",
  children: [{ type: "context", id: "d", field: "device", valueType: "string", op: "equals", value: "mobile" }],
};

export const DEMO_PLACEMENTS: DemoPlacement[] = [
  {
    key: "home-hero",
    name: "Home hero",
    contentType: "html",
    fallback: `<h2>Spring collection is here</h2><p>Fresh styles for every day. <a href="/demo-store">Shop now</a></p>`,
    experiences: [
      {
        name: "Shoe fans: new runners",
        segment: "shoeFans",
        body: `<h2>{{ first_name | default: "Hey" }}, the new runners are in</h2><p>Picked for you from our shoes collection.</p>`,
      },
      {
        name: "At risk: win back",
        segment: "atRisk",
        body: `<h2>We miss you{% if first_name %}, {{ first_name }}{% endif %}</h2><p>Come back for 15% off with code COMEBACK15.</p>`,
      },
      {
        name: "New visitors: welcome",
        segment: "newVisitors",
        body: `<h2>Welcome to Demo Store</h2><p>10% off your first order with code HELLO10.</p>`,
      },
    ],
  },
  {
    key: "pdp-banner",
    name: "Product page banner",
    contentType: "text",
    fallback: "Free shipping on orders over $50",
    experiences: [
      {
        name: "Champions: express shipping",
        segment: "champions",
        body: 'Thanks for being one of our best customers, {{ first_name | default: "friend" }}: express shipping is on us.',
      },
    ],
  },
  {
    key: "cart-upsell",
    name: "Cart upsell",
    contentType: "html",
    fallback: `<p>Add socks for $9 and complete the look.</p>`,
    experiences: [
      {
        name: "Cart abandoners: nudge",
        segment: "cartAbandoners",
        body: `<p><strong>Still thinking?</strong> Your cart is saved. Use CART10 for 10% off today.</p>`,
      },
    ],
  },
  {
    key: "announcement-bar",
    name: "Announcement bar",
    contentType: "text",
    fallback: "New season sale: up to 30% off",
    experiences: [
      { name: "Mobile: get the app", rule: mobile, body: "Shop faster in our app: 5% off your first app order" },
    ],
  },
  {
    key: "category-banner",
    name: "Category banner",
    contentType: "json",
    jsonSchema: {
      type: "object",
      required: ["title", "cta"],
      properties: { title: { type: "string" }, cta: { type: "string" } },
    },
    fallback: `{"title": "Explore the collection", "cta": "Browse all"}`,
    experiences: [
      {
        name: "Window shoppers: best sellers",
        segment: "windowShoppers",
        body: `{"title": "Still looking, {{ first_name | default: "friend" }}? Our best sellers", "cta": "See best sellers"}`,
      },
    ],
  },
];

/** The demo's placements, each with live experiences targeted at demo segments and a default. */
export async function seedContent(db: pg.Client, workspaceId: string, seed: number): Promise<void> {
  let n = 0;
  for (const [i, p] of DEMO_PLACEMENTS.entries()) {
    const placementId = idFrom("placement", i, seed);
    await db.query(
      `INSERT INTO placements (id, workspace_id, key, name, content_type, json_schema, updated_at) VALUES ($1, $2, $3, $4, $5::"ContentType", $6, now())`,
      [placementId, workspaceId, p.key, p.name, p.contentType, p.jsonSchema ? JSON.stringify(p.jsonSchema) : null],
    );
    const blocks = [
      ...p.experiences.map((e, j) => ({ ...e, priority: j + 1, isDefault: false })),
      { name: "Default", body: p.fallback, priority: 1_000_000, isDefault: true } as Experience & {
        priority: number;
        isDefault: boolean;
      },
    ];
    for (const b of blocks) {
      const blockId = idFrom("block", n, seed);
      const segmentId = b.segment ? idFrom("segment", SEGMENT[b.segment], seed) : null;
      await db.query(
        `INSERT INTO content_blocks (id, workspace_id, placement_id, name, priority, is_default, status, segment_id, rules, time_zone, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, 'live', $7, $8, 'UTC', now())`,
        [
          blockId,
          workspaceId,
          placementId,
          b.name,
          b.priority,
          b.isDefault,
          segmentId,
          b.rule ? JSON.stringify(b.rule) : null,
        ],
      );
      await db.query(
        `INSERT INTO variants (id, workspace_id, content_block_id, name, body, updated_at) VALUES ($1, $2, $3, $4, $5, now())`,
        [idFrom("variant", n, seed), workspaceId, blockId, b.name, b.body],
      );
      n += 1;
    }
  }
}
