import { describe, expect, it } from "vitest";
import { checkTemplate } from "@/lib/content/template";
import { segmentRuleSchema } from "@/lib/segments/schema";
import { DEMO_PLACEMENTS, demoContent } from "./content";
import { DEMO_SEGMENT, demoSegments } from "./segments";

describe("demo content", () => {
  it("has templates that pass the checks the editor applies at save", () => {
    for (const p of DEMO_PLACEMENTS) {
      const bodies = [
        p.fallback,
        ...p.experiences.flatMap((e) => [e.body, ...(e.moreVariants ?? []).map((v) => v.body)]),
      ];
      for (const body of bodies)
        expect(checkTemplate(body, p.contentType, p.jsonSchema), `${p.key}: ${body}`).toEqual([]);
      for (const e of p.experiences) {
        expect(e.segment !== undefined || segmentRuleSchema.safeParse(e.rule).success, e.name).toBe(true);
      }
    }
  });

  it("targets the segments it names, and gives every row its own id", () => {
    const segments = demoSegments(42);
    const names = {
      champions: "RFM champions",
      atRisk: "At-risk customers",
      cartAbandoners: "Cart abandoners",
      windowShoppers: "Window shoppers",
      newVisitors: "New visitors",
      shoeFans: "Shoe fans",
    };
    for (const [key, n] of Object.entries(DEMO_SEGMENT))
      expect(segments[n]?.name).toBe(names[key as keyof typeof names]);
    const content = demoContent(42);
    const ids = content.flatMap((p) => [p.id, ...p.experiences.flatMap((e) => [e.id, ...e.variants.map((v) => v.id)])]);
    expect(new Set(ids).size).toBe(ids.length);
    expect(JSON.stringify(demoContent(42))).toBe(JSON.stringify(content));
  });
});
