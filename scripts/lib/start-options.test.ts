import { afterEach, describe, expect, it } from "vitest";
import { startOptions } from "./start-options";

const saved = { ...process.env };
afterEach(() => {
  for (const name of ["PORT", "DECIDE_PORT", "DEMO_STORE_PORT"]) {
    if (saved[name] === undefined) delete process.env[name];
    else process.env[name] = saved[name];
  }
});

describe("startOptions", () => {
  it("gives the storefront its own port, apart from the app's and the decision server's", () => {
    delete process.env.PORT;
    delete process.env.DECIDE_PORT;
    delete process.env.DEMO_STORE_PORT;
    expect(startOptions([])).toMatchObject({ PORT: 3000, DECIDE_PORT: 3001, DEMO_STORE_PORT: 3002 });
  });

  it("refuses a storefront port that another server of the start already has, by name", () => {
    process.env.PORT = "4000";
    process.env.DEMO_STORE_PORT = "4000";
    expect(() => startOptions([])).toThrow(/DEMO_STORE_PORT must differ from PORT/);
    process.env.PORT = "4001";
    process.env.DECIDE_PORT = "4000";
    expect(() => startOptions([])).toThrow(/DEMO_STORE_PORT must differ from DECIDE_PORT/);
  });
});
