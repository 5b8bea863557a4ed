import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { createTestWorkspace } from "@/scripts/test/fixtures";
import { THROTTLE } from "./throttle";
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

  it("reads the address a proxy forwards", () => {
    const headers = new Headers({ "x-forwarded-for": "198.51.100.4, 10.0.0.1" });
    expect(requestAddress((n) => headers.get(n))).toBe("198.51.100.4");
    expect(requestAddress(() => null)).toBeNull();
  });
});
