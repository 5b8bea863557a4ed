import { describe, expect, it } from "vitest";
import { dashboardHref, isStorePath, originOnPort, storeRequestRefusal, withoutDashboardCookies } from "./store-origin";

describe("the demo storefront's own origin", () => {
  it("serves the storefront's pages, keyless API and static files, and nothing of the dashboard", () => {
    for (const path of [
      "/demo-store",
      "/demo-store/p/mug?x=1",
      "/demo-store/api/v1/decide",
      "/_next/static/c.js",
      "/sdk.js",
    ])
      expect(isStorePath(path), path).toBe(true);
    for (const path of [
      "/",
      "/login",
      "/w/demo",
      "/api/auth/session",
      "/api/v1/decide",
      "/demo-storefront",
      "/_next/data/x",
    ])
      expect(isStorePath(path), path).toBe(false);
    expect(storeRequestRefusal("GET", "/w/demo/settings/members", {})?.status).toBe(404);
    expect(storeRequestRefusal("GET", "/api/auth/session", {})?.status).toBe(404);
  });

  it("refuses server actions and unusual methods on storefront paths", () => {
    expect(storeRequestRefusal("POST", "/demo-store", { "next-action": "7f00aa" })).toEqual({
      status: 403,
      message: "No server actions on the storefront",
    });
    expect(storeRequestRefusal("DELETE", "/demo-store/cart", {})?.status).toBe(405);
    expect(storeRequestRefusal("PUT", "/demo-store/api/v1/batch", {})?.status).toBe(405);
    expect(storeRequestRefusal("POST", "/demo-store/api/v1/batch", {})).toBeNull();
    expect(storeRequestRefusal("GET", "/demo-store/c/mugs", {})).toBeNull();
  });

  it("drops the dashboard's session and sign-in cookies, whatever their prefix or chunk, and keeps the store's", () => {
    expect(
      withoutDashboardCookies(
        "authjs.session-token=abc; pz_anon=v1; __Secure-authjs.session-token.0=x; __Host-authjs.csrf-token=y; " +
          "next-auth.session-token=z; authjs.callback-url=%2F; pz_preview=t",
      ),
    ).toBe("pz_anon=v1; pz_preview=t");
    expect(withoutDashboardCookies("authjs.session-token=abc")).toBeUndefined();
    expect(withoutDashboardCookies(undefined)).toBeUndefined();
    expect(withoutDashboardCookies("myauthjs.x=1")).toBe("myauthjs.x=1");
  });

  it("is the dashboard's host and scheme on the store's port", () => {
    expect(originOnPort({ protocol: "http:", hostname: "localhost" }, 3002)).toBe("http://localhost:3002");
    expect(originOnPort({ protocol: "https:", hostname: "shop.example" }, 8443)).toBe("https://shop.example:8443");
    expect(originOnPort({ protocol: "http:", hostname: "[::1]" }, 3002)).toBe("http://[::1]:3002");
    expect(originOnPort({ protocol: "http:", hostname: "::1" }, 3002)).toBe("http://[::1]:3002");
  });

  it("links the dashboard from the store's origin absolutely, on the dashboard's port, and as is otherwise", () => {
    const store = { storeOrigin: true, host: "localhost:3002", https: false };
    expect(dashboardHref("/login", store, 3000)).toBe("http://localhost:3000/login");
    expect(dashboardHref("/login", { ...store, host: "[::1]:3002", https: true }, 3000)).toBe(
      "https://[::1]:3000/login",
    );
    expect(dashboardHref("/login", { ...store, storeOrigin: false }, 3000)).toBe("/login");
    expect(dashboardHref("/login", { ...store, host: null }, 3000)).toBe("/login");
    expect(dashboardHref("/login", { ...store, host: "bad host/x" }, 3000)).toBe("/login");
  });
});
