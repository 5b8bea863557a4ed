import { describe, expect, it } from "vitest";
import { isSafeUrl, neutralizeUnsafeUrls, urlScheme } from "./safe-urls";
import { compileTemplate } from "./template";

describe("safe URLs in HTML content", () => {
  it("lets web, mail, phone and relative links through", () => {
    for (const url of [
      "https://shop.example/sale?x=1&amp;y=2",
      "http://a.b",
      "mailto:help@shop.example",
      "tel:+4930123",
      "/sale",
      "sale/shoes",
      "?page=2",
      "#top",
      "//cdn.example/x.png",
      "data:image/png;base64,iVBOR",
    ]) {
      expect(isSafeUrl(url), url).toBe(true);
    }
  });

  it("refuses script and other schemes, however they are disguised", () => {
    for (const url of [
      "javascript:alert(1)",
      "JavaScript:alert(1)",
      " javascript:alert(1)",
      "java\tscript:alert(1)",
      "java\nscript:x",
      "\u0001javascript:x",
      "&#106;avascript:x",
      "&#x6A;avascript:x",
      "javascript&colon;x",
      "vbscript:x",
      "data:text/html,<script>x</script>",
      "data:image/svg+xml,<svg onload=x>",
    ]) {
      expect(isSafeUrl(url), JSON.stringify(url)).toBe(false);
    }
  });

  it("names the scheme a browser reads, or none for a relative link", () => {
    expect(urlScheme("jav&#x61;script:x")).toBe("javascript");
    expect(urlScheme(" \u0001java&Tab;script&colon;x")).toBe("javascript");
    expect(urlScheme("HTTPS://a.b")).toBe("https");
    expect(urlScheme("DATA:image/png;base64,x")).toBe("data");
    expect(urlScheme("/sale")).toBeNull();
    expect(urlScheme("sale:now")).toBe("sale");
  });

  it("replaces only unsafe values of URL attributes, quoted or not", () => {
    expect(
      neutralizeUnsafeUrls(
        `<a href="javascript:x()">a</a><a href='javascript:y'>b</a><img src=javascript:z><a href="/ok">c</a>`,
      ),
    ).toBe(`<a href="#">a</a><a href='#'>b</a><img src=#><a href="/ok">c</a>`);
    expect(neutralizeUnsafeUrls(`<p title="javascript:x">text javascript:x</p>`)).toBe(
      `<p title="javascript:x">text javascript:x</p>`,
    );
  });

  it("applies to a visitor's trait placed in an href, in both render paths, and to literal HTML", () => {
    const data = {
      traits: { link: "javascript:alert(document.cookie)", safe: "https://shop.example/p/1" },
      computed: {},
      context: {},
    };
    const fast = compileTemplate(`<a href="{{ link }}">x</a><a href="{{ safe }}">y</a>`, "html");
    const engine = compileTemplate(`{% if link %}<a href="{{ link | downcase }}">x</a>{% endif %}`, "html");
    if (!fast.ok || !engine.ok) throw new Error("did not compile");
    expect(fast.template.render(data)).toBe(`<a href="#">x</a><a href="https://shop.example/p/1">y</a>`);
    expect(engine.template.render(data)).toBe(`<a href="#">x</a>`);
    const literal = compileTemplate(`<a href="javascript:void(0)">x</a>`, "html");
    expect(literal.ok && literal.template.literal).toBe(`<a href="#">x</a>`);
    // text content is not HTML: left as written
    const text = compileTemplate(`Visit {{ link }}`, "text");
    expect(text.ok && text.template.render(data)).toBe("Visit javascript:alert(document.cookie)");
  });
});
