import { describe, expect, it } from "vitest";
import { allowedTraits } from "./request-traits";

describe("allowedTraits", () => {
  it("keeps the declared keys and names the others as ignored", () => {
    expect(allowedTraits({ locale: "de", plan: "vip", vip: true }, ["locale"])).toEqual({
      traits: { locale: "de" },
      ignored: ["plan", "vip"],
    });
  });

  it("keeps nothing when nothing is declared, and has nothing to say without traits", () => {
    expect(allowedTraits({ plan: "vip" }, [])).toEqual({ traits: undefined, ignored: ["plan"] });
    expect(allowedTraits(undefined, ["plan"])).toEqual({ traits: undefined, ignored: [] });
  });

  it("does not take a key from the object's prototype", () => {
    const traits = JSON.parse('{"__proto__": {"plan": "vip"}, "locale": "fr"}') as Record<string, unknown>;
    expect(allowedTraits(traits, ["locale", "plan"])).toEqual({ traits: { locale: "fr" }, ignored: ["__proto__"] });
  });
});
