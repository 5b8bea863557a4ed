import type pg from "pg";
import type { SnapshotConfig } from "@/lib/decide/build-snapshot";
import { emptyRule, type RuleGroup } from "@/lib/segments/schema";
import { idFrom } from "./random";
import { DEMO_SEGMENT } from "./segments";

type DemoVariant = { name: string; body: string };
type Experience = {
  name: string;
  segment?: keyof typeof DEMO_SEGMENT;
  rule?: RuleGroup;
  body: string;
  /** The first variant's name (the experience's by default). */
  variantName?: string;
  /** Variants after the first, in the order they are made (an A/B test's other arms). */
  moreVariants?: DemoVariant[];
  /** `draft`: never served by itself, it holds content a demo experiment serves. Live otherwise. */
  status?: "live" | "draft";
};
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

const HERO_FALLBACK = `<h2>Spring collection is here</h2><p>Fresh styles for every day. <a href="/demo-store">Shop now</a></p>`;

export const DEMO_PLACEMENTS: DemoPlacement[] = [
  {
    key: "home-hero",
    name: "Home hero",
    contentType: "html",
    fallback: HERO_FALLBACK,
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
      // split by the demo A/B test (experiments.ts): its control is the default's copy, so only the test changes what people see
      {
        name: "Everyone else: spring headline",
        rule: emptyRule(),
        variantName: "Spring collection (control)",
        body: HERO_FALLBACK,
        moreVariants: [
          {
            name: "Free-shipping headline",
            body: `<h2>Spring collection: free shipping this week</h2><p>Fresh styles for every day, delivered free. <a href="/demo-store">Shop now</a></p>`,
          },
        ],
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
      // a level of the demo multivariate test
      {
        name: "Test content: next-day delivery",
        status: "draft",
        rule: emptyRule(),
        body: "Order by 2 pm for next-day delivery",
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
      // a level of the demo multivariate test
      {
        name: "Test content: free returns",
        status: "draft",
        rule: emptyRule(),
        body: "Free returns on every order, for 60 days",
      },
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

/** The demo's content as rows, with their ids: what is inserted, and what the seeder's own decisions are made from. */
export type DemoContent = (SnapshotConfig["placements"][number] & { jsonSchema: object | null })[];

/**
 * The demo's placements as rows: each experience (live, targeted at a demo segment or a rule, or a draft holding an
 * experiment's content) with its priority and variants, then the default. Ids follow from the seed.
 */
export function demoContent(seed: number): DemoContent {
  let n = 0;
  let extra = 0;
  return DEMO_PLACEMENTS.map((p, i) => {
    const blocks = [
      ...p.experiences.map((e, j) => ({ ...e, priority: j + 1, isDefault: false })),
      { name: "Default", body: p.fallback, priority: 1_000_000, isDefault: true } as Experience & {
        priority: number;
        isDefault: boolean;
      },
    ];
    return {
      id: idFrom("placement", i, seed),
      key: p.key,
      name: p.name,
      contentType: p.contentType,
      jsonSchema: p.jsonSchema ?? null,
      killSwitch: false,
      experiences: blocks.map((b) => {
        const k = n++;
        return {
          id: idFrom("block", k, seed),
          name: b.name,
          priority: b.priority,
          isDefault: b.isDefault,
          status: b.status ?? "live",
          segmentId: b.segment ? idFrom("segment", DEMO_SEGMENT[b.segment], seed) : null,
          rule: b.rule ?? null,
          startsAt: null,
          endsAt: null,
          variants: [
            { id: idFrom("variant", k, seed), name: b.variantName ?? b.name, body: b.body },
            ...(b.moreVariants ?? []).map((v) => ({ id: idFrom("variant-more", extra++, seed), ...v })),
          ],
        };
      }),
    };
  });
}

/** The experience of a placement by name, with its placement (the demo experiments refer to their content so). */
export function demoExperience(content: DemoContent, placementKey: string, name: string) {
  const placement = content.find((p) => p.key === placementKey);
  const experience = placement?.experiences.find((e) => e.name === name);
  if (!placement || !experience) throw new Error(`no demo experience "${name}" in ${placementKey}`);
  const variantIds = experience.variants.map((v) => v.id);
  const variantId = (i: number) => variantIds[i] ?? raise(`"${name}" has no variant ${i}`);
  return { placementId: placement.id, experienceId: experience.id, variantId };
}

function raise(message: string): never {
  throw new Error(message);
}

/** Inserts the demo's placements, experiences and variants (a variant's creation time keeps its experience's order). */
export async function seedContent(db: pg.Client, workspaceId: string, content: DemoContent): Promise<void> {
  for (const p of content) {
    await db.query(
      `INSERT INTO placements (id, workspace_id, key, name, content_type, json_schema, updated_at) VALUES ($1, $2, $3, $4, $5::"ContentType", $6, now())`,
      [p.id, workspaceId, p.key, p.name, p.contentType, p.jsonSchema ? JSON.stringify(p.jsonSchema) : null],
    );
    for (const b of p.experiences) {
      await db.query(
        `INSERT INTO content_blocks (id, workspace_id, placement_id, name, priority, is_default, status, segment_id, rules, time_zone, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7::"ExperienceStatus", $8, $9, 'UTC', now())`,
        [
          b.id,
          workspaceId,
          p.id,
          b.name,
          b.priority,
          b.isDefault,
          b.status,
          b.segmentId,
          b.rule ? JSON.stringify(b.rule) : null,
        ],
      );
      for (const [k, v] of b.variants.entries())
        await db.query(
          `INSERT INTO variants (id, workspace_id, content_block_id, name, body, created_at, updated_at)
           VALUES ($1, $2, $3, $4, $5, now() + $6 * interval '1 millisecond', now())`,
          [v.id, workspaceId, b.id, v.name, v.body, k],
        );
    }
  }
}
