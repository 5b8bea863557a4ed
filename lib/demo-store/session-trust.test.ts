import { describe, expect, it } from "vitest";
import { customerSessionValue } from "./customer-session";
import { demoSessionTrust } from "./session-trust";

describe("demoSessionTrust", () => {
  const salt = "salt-of-the-demo-workspace";

  it("trusts the customer the store's signed cookie names, among the request's other cookies", () => {
    const cookie = `pz_aid=a1; demo_uid=${encodeURIComponent(customerSessionValue(salt, "user_7"))}; other=x`;
    expect(demoSessionTrust(salt, cookie)).toEqual({ kind: "session", userId: "user_7" });
  });

  it("trusts no one for a cookie typed by hand, or none at all", () => {
    expect(demoSessionTrust(salt, "demo_uid=user_100968")).toEqual({ kind: "session", userId: null });
    expect(demoSessionTrust(salt, null)).toEqual({ kind: "session", userId: null });
  });
});
