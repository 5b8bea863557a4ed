import { describe, expect, it } from "vitest";
import { customerOfSession, customerSessionValue } from "./customer-session";

describe("the demo storefront's customer session", () => {
  const secret = "salt-of-the-demo-workspace";

  it("signs in the customer it was made for, whatever their id holds", () => {
    for (const userId of ["user_100968", "a.b.c", "ünï"])
      expect(customerOfSession(secret, customerSessionValue(secret, userId))).toBe(userId);
  });

  it("is no one when typed by hand, made for another customer, or signed with another secret", () => {
    const value = customerSessionValue(secret, "user_1");
    expect(customerOfSession(secret, "user_100968")).toBeNull(); // the unsigned cookie of before
    expect(customerOfSession(secret, value.replace("user_1.", "user_2."))).toBeNull();
    expect(customerOfSession("another-secret", value)).toBeNull();
    expect(customerOfSession(secret, `${value}0`)).toBeNull();
    for (const bad of [undefined, "", ".", `.${value.split(".")[1]}`])
      expect(customerOfSession(secret, bad)).toBeNull();
  });
});
