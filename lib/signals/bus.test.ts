import { afterEach, describe, expect, it, vi } from "vitest";
import { publish, subscribe } from "./bus";

const payload = { workspaceId: "w1", version: 7 };
const unsubscribes: (() => void)[] = [];
const on = (...args: Parameters<typeof subscribe<"configChanged">>) => unsubscribes.push(subscribe(...args));
afterEach(() => {
  unsubscribes.splice(0).forEach((u) => u());
  vi.restoreAllMocks();
});

describe("signal bus", () => {
  it("delivers a payload to every subscriber, synchronously, in order", () => {
    const seen: string[] = [];
    on("configChanged", "a", (p) => void seen.push(`a:${p.version}`));
    on("configChanged", "b", (p) => void seen.push(`b:${p.workspaceId}`));
    publish("configChanged", payload);
    expect(seen).toEqual(["a:7", "b:w1"]);
  });

  it("delivers nothing of one signal to another's subscribers", () => {
    const seen: unknown[] = [];
    on("configChanged", "a", (p) => void seen.push(p));
    publish("keysChanged", { workspaceId: "w1" });
    expect(seen).toEqual([]);
  });

  it("keeps delivering when a subscriber throws, and the publisher does not see the error", () => {
    const error = vi.spyOn(console, "error").mockImplementation(() => {});
    const seen: string[] = [];
    on("configChanged", "broken", () => {
      throw new Error("boom");
    });
    on("configChanged", "after", () => void seen.push("after"));
    expect(() => publish("configChanged", payload)).not.toThrow();
    expect(seen).toEqual(["after"]);
    expect(error).toHaveBeenCalledWith("[signals] broken failed on configChanged:", "boom");
  });

  it("logs an asynchronous subscriber's rejection instead of leaving it unhandled", async () => {
    const error = vi.spyOn(console, "error").mockImplementation(() => {});
    on("configChanged", "slow", async () => {
      throw new Error("later");
    });
    publish("configChanged", payload);
    await new Promise((r) => setTimeout(r, 0));
    expect(error).toHaveBeenCalledWith("[signals] slow failed on configChanged:", "later");
  });

  it("replaces a subscription made again under the same name, and unsubscribes", () => {
    const seen: string[] = [];
    on("configChanged", "x", () => void seen.push("first"));
    on("configChanged", "x", () => void seen.push("second"));
    publish("configChanged", payload);
    expect(seen).toEqual(["second"]);
    unsubscribes.splice(0).forEach((u) => u());
    publish("configChanged", payload);
    expect(seen).toEqual(["second"]);
  });
});
