import { expect, it } from "vitest";
import { parseOrigins } from "./cors-origins";

it("reads origins one per line or comma, and refuses URLs with paths or other schemes", () => {
  expect(parseOrigins("https://shop.example\nhttp://localhost:3000/, https://shop.example")).toEqual({
    origins: ["https://shop.example", "http://localhost:3000"],
    invalid: [],
  });
  expect(parseOrigins("https://shop.example/path ftp://x.example shop.example *")).toEqual({
    origins: ["*"],
    invalid: ["https://shop.example/path", "ftp://x.example", "shop.example"],
  });
});
