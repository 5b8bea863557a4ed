import { describe, expect, it } from "vitest";
import { checkTemplate } from "@/lib/content/template";
import { segmentRuleSchema } from "@/lib/segments/schema";
import { DEMO_PLACEMENTS } from "./content";

describe("demo content", () => {
  it("has templates that pass the checks the editor applies at save", () => {
    for (const p of DEMO_PLACEMENTS) {
      for (const body of [p.fallback, ...p.experiences.map((e) => e.body)]) {
        expect(checkTemplate(body, p.contentType, p.jsonSchema), `${p.key}: ${body}`).toEqual([]);
      }
      for (const e of p.experiences) {
        expect(e.segment !== undefined || segmentRuleSchema.safeParse(e.rule).success, e.name).toBe(true);
      }
    }
  });
});
