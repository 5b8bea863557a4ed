import { describe, expect, it } from "vitest";
import type { NormalizedEvent } from "@/lib/events/normalize";
import { identityKey, type MessageIdentities } from "@/lib/identity/resolve";
import { ImportCheck, TooLargeToCheck, type StoredView } from "./check";

const at = new Date("2024-03-05T10:00:00Z");
const identify = (email: string, traits: Record<string, unknown>): NormalizedEvent => ({
  type: "identify",
  name: "Customer Imported",
  messageId: `m:${email}:${JSON.stringify(traits)}`,
  occurredAt: at,
  properties: {},
  context: {},
  traits,
  email,
  consent: null,
  revenue: null,
});
const order = (email: string, id: string, currency: string, revenue: number): NormalizedEvent => ({
  ...identify(email, {}),
  type: "track",
  name: "Order Completed",
  messageId: `import:order:${id}`,
  traits: null,
  properties: { order_id: id, currency, products: [{ sku: "A", quantity: 1 }] },
  revenue,
});
const messagesOf = (events: NormalizedEvent[]): MessageIdentities[] =>
  events.map((e) => ({ email: e.email, reason: "import" }));
const empty: StoredView = { owners: new Map(), userIdsOf: new Map(), states: new Map(), storedMessageIds: new Set() };

describe("ImportCheck (the dry run's core)", () => {
  it("counts a person of two chunks once, and a stored profile whose traits differ as changed", () => {
    const check = new ImportCheck();
    const first = [identify("a@example.com", { first_name: "Ada" }), identify("b@example.com", { first_name: "Bo" })];
    check.apply(first, messagesOf(first), 2, {
      ...empty,
      owners: new Map([[identityKey("email", "b@example.com"), "p_b"]]),
      states: new Map([["p_b", { id: "p_b", traits: { first_name: "Bob" }, traitTimestamps: {}, consent: {} }]]),
    });
    const second = [identify("a@example.com", { last_name: "Lovelace" })];
    check.apply(second, messagesOf(second), 1, empty);
    check.refuse([{ line: 4, field: "email", reason: "is not an email" }], 1);
    expect(check.result()).toMatchObject({
      totalRows: 4,
      importableRows: 3,
      refusedRows: 1,
      profiles: { created: 1, merged: 0, changed: 1, unchanged: 0 },
      events: { new: 3, alreadyImported: 0 },
      issues: [{ line: 4 }],
    });
  });

  it("keeps revenue per currency and counts stored orders as already imported", () => {
    const check = new ImportCheck();
    const events = [order("a@example.com", "1", "USD", 10), order("a@example.com", "2", "EUR", 5)];
    const more = [order("c@example.com", "3", "USD", 2.5), order("c@example.com", "4", "USD", 99)];
    check.apply(events, messagesOf(events), 2, empty);
    check.apply(more, messagesOf(more), 2, { ...empty, storedMessageIds: new Set(["import:order:4"]) });
    expect(check.result()).toMatchObject({
      orders: { completed: 3, items: 3, revenue: { USD: 12.5, EUR: 5 } },
      events: { new: 3, alreadyImported: 1 },
    });
  });

  it("lists every refused row up to the report's 10,000, and counts the rest", () => {
    const check = new ImportCheck();
    for (let line = 2; line < 10_502; line++) check.refuse([{ line, field: "email", reason: "is not an email" }], 1);
    const result = check.result();
    expect(result.refusedRows).toBe(10_500);
    expect(result.issues).toHaveLength(10_000);
    expect(result.issues.at(-1)).toMatchObject({ line: 10_001 });
  });

  it("refuses to hold more identities than its limit", () => {
    const check = new ImportCheck(5);
    const events = ["a", "b", "c"].map((n) => identify(`${n}@example.com`, {}));
    expect(() => check.apply(events, messagesOf(events), 3, empty)).toThrow(TooLargeToCheck);
  });
});
