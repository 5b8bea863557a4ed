import { describe, expect, it } from "vitest";
import { splitBatch } from "./batch";

describe("a batch's items", () => {
  it("inherit the batch's context and sentAt, under their own", () => {
    const { valid, failed } = splitBatch({
      context: { locale: "de-DE", page: { url: "https://shop.example/" } },
      sentAt: "2026-11-30T10:00:00Z",
      batch: [
        { type: "track", anonymousId: "a", event: "X", context: { locale: "fr-FR" } },
        { type: "page", anonymousId: "a", sentAt: "2026-11-30T11:00:00Z" },
      ],
    });
    expect(failed).toEqual([]);
    expect(valid.map((m) => [m.context, m.sentAt])).toEqual([
      [{ locale: "fr-FR", page: { url: "https://shop.example/" } }, "2026-11-30T10:00:00Z"],
      [{ locale: "de-DE", page: { url: "https://shop.example/" } }, "2026-11-30T11:00:00Z"],
    ]);
  });

  it("keep a context that is not an object as sent, so that it is refused (a string is not spread into its characters)", () => {
    const { valid, failed } = splitBatch({
      context: { locale: "de-DE" },
      batch: [
        { type: "track", anonymousId: "a", event: "X", context: "😀" },
        { type: "track", anonymousId: "a", event: "Y", context: ["x"] },
      ],
    });
    expect(valid).toEqual([]);
    expect(failed.map((f) => [f.index, f.issues.map((i) => i.path)])).toEqual([
      [0, ["context"]],
      [1, ["context"]],
    ]);
  });

  it("are refused one by one: too large, unstorable text, invalid", () => {
    const { valid, failed } = splitBatch({
      batch: [
        { type: "track", anonymousId: "a", event: "ok" },
        { type: "track", anonymousId: "a", event: "X", properties: { blob: "x".repeat(33 * 1024) } },
        { type: "track", anonymousId: "a", event: "X\u0000" },
        { type: "nope" },
      ],
    });
    expect(valid.map((m) => m.type === "track" && m.event)).toEqual(["ok"]);
    expect(failed.map((f) => [f.index, f.issues[0]!.path])).toEqual([
      [1, ""],
      [2, "event"],
      [3, "type"],
    ]);
  });
});
