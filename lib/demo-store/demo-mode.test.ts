import { describe, expect, it } from "vitest";
import { demoModeOn } from "./demo-mode";
import { DEMO_USERS, PUBLISHED_DEMO_PASSWORDS } from "./demo-users";

describe("demoModeOn", () => {
  it("is on by itself, except in production against your own database", () => {
    expect(demoModeOn("auto", { production: false, ownDatabase: false })).toBe(true);
    expect(demoModeOn("auto", { production: true, ownDatabase: false })).toBe(true); // npm start's embedded Postgres
    expect(demoModeOn("auto", { production: false, ownDatabase: true })).toBe(true);
    expect(demoModeOn("auto", { production: true, ownDatabase: true })).toBe(false);
  });

  it("does what it is told when told", () => {
    expect(demoModeOn("on", { production: true, ownDatabase: true })).toBe(true);
    expect(demoModeOn("off", { production: false, ownDatabase: false })).toBe(false);
  });

  it("knows every published demo password", () => {
    for (const user of DEMO_USERS) expect(PUBLISHED_DEMO_PASSWORDS.has(user.password)).toBe(true);
  });
});
