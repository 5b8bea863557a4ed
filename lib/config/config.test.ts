import { afterEach, describe, expect, it } from "vitest";
import { config, ConfigError, parseConfig } from "./config";
import { CONFIG_VARIABLES } from "./schema";

/** The message parseConfig throws for `env`. */
function problem(env: Record<string, string>): string {
  try {
    parseConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message;
  }
  throw new Error("parseConfig accepted it");
}

describe("parseConfig", () => {
  it("gives every variable its default when nothing is set", () => {
    expect(parseConfig({})).toEqual({
      DATABASE_URL: undefined,
      PORT: 3000,
      DECIDE_PORT: 3001,
      DECIDE_HOST: "0.0.0.0",
      DECIDE_SHUTDOWN_MS: 15_000,
      EVENT_BUFFER_MAX: 50_000,
      EVENT_BUFFER_MAX_BYTES: 64 * 1024 * 1024,
      VISITOR_CACHE_SIZE: 5_000,
      VISITOR_CACHE_TTL_MS: 10_000,
      EXPOSURE_FLUSH_MS: 1_000,
      EXPOSURE_BUFFER_MAX_BYTES: 64 * 1024 * 1024,
      CONFIG_RECHECK_MS: 15_000,
      DATABASE_POOL_SIZE: 10,
      RFM_INTERVAL_MINUTES: 60,
      SEGMENTS_INTERVAL_MINUTES: 15,
      BANDIT_INTERVAL_MINUTES: 60,
      ROLLUPS_INTERVAL_MINUTES: 1,
      DEMO_MODE: "auto",
      DEMO_STORE: "on",
      DEMO_STORE_PORT: 3002,
      TRUSTED_PROXY_HOPS: 0,
      AUTH_SECRET: undefined,
      DEMO_PROFILES: 5_000,
      DEMO_DAYS: 90,
      DEMO_SEED: 42,
      DEMO_WRITE_KEY: undefined,
      DEMO_CLIENT_KEY: undefined,
    });
  });

  it("reads the demo mode as auto, on or off, and refuses anything else by name", () => {
    expect(parseConfig({ DEMO_MODE: "off" })).toMatchObject({ DEMO_MODE: "off" });
    expect(() => parseConfig({ DEMO_MODE: "yes" })).toThrow('DEMO_MODE must be "auto", "on" or "off", got "yes"');
  });

  it("treats an empty value as unset", () => {
    expect(parseConfig({ VISITOR_CACHE_SIZE: "", DATABASE_URL: "", DEMO_STORE: "" })).toMatchObject({
      VISITOR_CACHE_SIZE: 5_000,
      DATABASE_URL: undefined,
      DEMO_STORE: "on",
    });
  });

  it("reads numbers, ports, hosts, keys and URLs", () => {
    const env = {
      DATABASE_URL: "postgresql://app:pw@db.internal:5432/personalize",
      PORT: "8080",
      DECIDE_PORT: "0",
      DECIDE_HOST: "127.0.0.1",
      VISITOR_CACHE_SIZE: " 200 ",
      DEMO_WRITE_KEY: "wk_e2eWriteKey0000000000000000000000",
      DEMO_CLIENT_KEY: "ck_e2eClientKey000000000000000000000",
    };
    expect(parseConfig(env)).toMatchObject({ ...env, PORT: 8080, DECIDE_PORT: 0, VISITOR_CACHE_SIZE: 200 });
    expect(parseConfig({ VISITOR_CACHE_TTL_MS: "0" }).VISITOR_CACHE_TTL_MS).toBe(0);
    expect(parseConfig({ DECIDE_PORT: "off" }).DECIDE_PORT).toBe("off");
    expect(parseConfig({ DEMO_STORE: "off" }).DEMO_STORE).toBe("off");
  });

  it("holds numbers to their bounds, both ends included", () => {
    expect(parseConfig({ VISITOR_CACHE_SIZE: "1", PORT: "65535", DEMO_DAYS: "730" })).toMatchObject({
      VISITOR_CACHE_SIZE: 1,
      PORT: 65_535,
      DEMO_DAYS: 730,
    });
    expect(problem({ VISITOR_CACHE_SIZE: "0" })).toBe(
      'VISITOR_CACHE_SIZE must be a whole number from 1 to 10000000, got "0"',
    );
    expect(problem({ PORT: "65536" })).toBe('PORT must be a port from 1 to 65535, got "65536"');
    expect(problem({ DEMO_DAYS: "731" })).toBe('DEMO_DAYS must be a whole number from 1 to 730, got "731"');
    expect(problem({ CONFIG_RECHECK_MS: "99" })).toMatch(/^CONFIG_RECHECK_MS must be a whole number from 100 /);
    // a byte bound below one batch's worth of events would refuse nearly everything
    expect(problem({ EVENT_BUFFER_MAX_BYTES: "1048575" })).toBe(
      'EVENT_BUFFER_MAX_BYTES must be a whole number from 1048576 to 17179869184, got "1048575"',
    );
  });

  it("names the variable, its rule and the value given", () => {
    expect(problem({ VISITOR_CACHE_SIZE: "abc" })).toBe(
      'VISITOR_CACHE_SIZE must be a whole number from 1 to 10000000, got "abc"',
    );
    expect(problem({ DECIDE_PORT: "of" })).toBe('DECIDE_PORT must be a port from 0 to 65535, or "off", got "of"');
    expect(problem({ DEMO_STORE: "no" })).toBe('DEMO_STORE must be "on" or "off", got "no"');
  });

  it("guesses no number out of other text", () => {
    for (const text of ["1e3", "10_000", "12abc", "0x10", "1.5", "-5", "Infinity"])
      expect(problem({ EVENT_BUFFER_MAX: text })).toBe(
        `EVENT_BUFFER_MAX must be a whole number from 1 to 10000000, got ${JSON.stringify(text)}`,
      );
  });

  it("lists every invalid variable at once", () => {
    const message = problem({ VISITOR_CACHE_SIZE: "abc", EXPOSURE_FLUSH_MS: "-1", DEMO_STORE: "yes", PORT: "3000" });
    expect(message).toBe(
      [
        "3 environment variables are invalid:",
        '  VISITOR_CACHE_SIZE must be a whole number from 1 to 10000000, got "abc"',
        '  EXPOSURE_FLUSH_MS must be a whole number from 1 to 600000, got "-1"',
        '  DEMO_STORE must be "on" or "off", got "yes"',
      ].join("\n"),
    );
    try {
      parseConfig({ VISITOR_CACHE_SIZE: "abc", EXPOSURE_FLUSH_MS: "-1" });
    } catch (error) {
      expect((error as ConfigError).problems).toHaveLength(2);
    }
  });

  it("does not repeat secrets, and shows a database URL without its password", () => {
    expect(problem({ AUTH_SECRET: "hunter2" })).toBe(
      "AUTH_SECRET must be at least 16 characters (`openssl rand -base64 32` makes one), got 7 characters (not shown)",
    );
    expect(problem({ DEMO_WRITE_KEY: "ck_e2eClientKey000000000000000000000" })).toBe(
      'DEMO_WRITE_KEY must be a write key ("wk_…", 16 to 200 characters), got 36 characters (not shown)',
    );
    expect(problem({ DATABASE_URL: "mysql://app:s3cret@db/x" })).toBe(
      'DATABASE_URL must be a postgresql:// (or postgres://) URL, got "mysql://app:***@db/x"',
    );
  });

  describe("schedules in minutes (RFM_INTERVAL_MINUTES, SEGMENTS_INTERVAL_MINUTES)", () => {
    it("are off (null) for 0 and for off", () => {
      expect(parseConfig({ RFM_INTERVAL_MINUTES: "0", SEGMENTS_INTERVAL_MINUTES: "off" })).toMatchObject({
        RFM_INTERVAL_MINUTES: null,
        SEGMENTS_INTERVAL_MINUTES: null,
      });
      expect(parseConfig({ RFM_INTERVAL_MINUTES: "0.0" }).RFM_INTERVAL_MINUTES).toBeNull();
    });

    it("take whole and fractional minutes up to a week", () => {
      expect(parseConfig({ RFM_INTERVAL_MINUTES: "0.5", SEGMENTS_INTERVAL_MINUTES: "10080" })).toMatchObject({
        RFM_INTERVAL_MINUTES: 0.5,
        SEGMENTS_INTERVAL_MINUTES: 10_080,
      });
    });

    it("refuse anything else instead of quietly turning the schedule off", () => {
      for (const text of ["-1", "soon", "10081", "never"])
        expect(problem({ SEGMENTS_INTERVAL_MINUTES: text })).toBe(
          `SEGMENTS_INTERVAL_MINUTES must be a number of minutes from 0 to 10080 (0 or "off": never), got ${JSON.stringify(text)}`,
        );
    });
  });

  it("reads only its own variables", () => {
    expect(Object.keys(parseConfig({ HOME: "/root", FUZZ_SEED: "x" })).sort()).toEqual([...CONFIG_VARIABLES].sort());
  });
});

describe("config", () => {
  const saved = { ...process.env };
  afterEach(() => {
    for (const name of CONFIG_VARIABLES) {
      if (saved[name] === undefined) delete process.env[name];
      else process.env[name] = saved[name];
    }
  });

  it("parses process.env once, and again only when one of its variables changed", () => {
    delete process.env.VISITOR_CACHE_SIZE;
    const first = config();
    expect(config()).toBe(first);
    process.env.VISITOR_CACHE_SIZE = "7";
    expect(config()).not.toBe(first);
    expect(config().VISITOR_CACHE_SIZE).toBe(7);
  });

  it("throws the variable's problem", () => {
    process.env.VISITOR_CACHE_SIZE = "abc";
    expect(() => config()).toThrow('VISITOR_CACHE_SIZE must be a whole number from 1 to 10000000, got "abc"');
  });
});
