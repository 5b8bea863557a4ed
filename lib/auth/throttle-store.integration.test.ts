import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { createTestWorkspace } from "@/scripts/test/fixtures";
import { THROTTLE } from "./throttle";
import { PEER_HEADER } from "./client-address";
import { clearSignInFailures, recordSignInFailure, requestAddress, throttleKeys, throttleWait } from "./throttle-store";

afterAll(() => db.$disconnect());

describe("the sign-in throttle's counters", () => {
  it("slow an account down, lock it at the tenth failure with an audit entry, and clear on success", async () => {
    const ws = await createTestWorkspace("Throttle", ["editor"]);
    const email = ws.member("editor").email;
    const keys = throttleKeys(email.toUpperCase(), "203.0.113.7");
    const now = Date.now();
    for (let i = 0; i < THROTTLE.free; i++) await recordSignInFailure(email, keys, now);
    expect(await throttleWait(keys, now)).toBe(0);
    await recordSignInFailure(email, keys, now);
    expect(await throttleWait(keys, now)).toBe(1_000);
    // concurrent failures count one by one
    await Promise.all(Array.from({ length: 5 }, () => recordSignInFailure(email, keys, now)));
    const row = await db.signInThrottle.findUniqueOrThrow({ where: { key: `account:${email}` } });
    expect(row.failures).toBe(THROTTLE.lockAt);
    expect(await throttleWait(keys, now)).toBe(THROTTLE.lockMs);
    const audit = await db.auditLog.findMany({
      where: { workspaceId: ws.workspace.id, action: "auth.sign_in_locked" },
    });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorKind: "system", targetId: ws.member("editor").userId });

    await clearSignInFailures(email);
    expect(await throttleWait(throttleKeys(email, null), now)).toBe(0);
    // the address keeps counting: a spray over many accounts from one address
    expect(await db.signInThrottle.findUnique({ where: { key: "address:203.0.113.7" } })).not.toBeNull();
  });

  it("counts the connection's peer, not an X-Forwarded-For the client wrote (no proxy by default)", () => {
    const headers = new Headers({ "x-forwarded-for": "198.51.100.4, 10.0.0.1", [PEER_HEADER]: "203.0.113.9" });
    expect(requestAddress((n) => headers.get(n))).toBe("203.0.113.9");
    expect(requestAddress(() => null)).toBeNull();
  });
});

describe("old counters", () => {
  it("are deleted once past their window and their block, so made-up emails leave no rows for ever", async () => {
    const now = Date.now();
    const stale = `account:stale-${now}@example.test`;
    const held = `account:held-${now}@example.test`;
    const old = new Date(now - 2 * THROTTLE.windowMs);
    await db.signInThrottle.createMany({
      data: [
        { key: stale, failures: 3, lastFailureAt: old, blockedUntil: old },
        // an old failure whose lock still runs is kept
        { key: held, failures: 10, lastFailureAt: old, blockedUntil: new Date(now + 10 * 60_000) },
      ],
    });
    // the next failure anywhere prunes (at most once a minute per process: a minute later than any before)
    await recordSignInFailure(
      `someone-${now}@example.test`,
      throttleKeys(`someone-${now}@example.test`, null),
      now + 120_000,
    );
    expect(await db.signInThrottle.findUnique({ where: { key: stale } })).toBeNull();
    expect(await db.signInThrottle.findUnique({ where: { key: held } })).not.toBeNull();
  });
});
