import { describe, expect, it } from "vitest";
import { scanMarkup, type OutputContext } from "./markup-scan";

/** The context of each output, in order. */
const contexts = (source: string): OutputContext[] => scanMarkup(source).outputs.map((o) => o.context);
const text = { kind: "text" } as const;
const tag = { kind: "tag" } as const;
const quoted = (attribute: string) => ({ kind: "quoted", attribute }) as const;
const unquoted = (attribute: string) => ({ kind: "unquoted", attribute }) as const;
const code = (element: "script" | "style") => ({ kind: "code", element }) as const;

describe("scanMarkup: where outputs land", () => {
  it("tells text, quoted and unquoted values and the inside of a tag apart", () => {
    expect(
      contexts(
        `<p title="{{ a }}" alt='{{ b }}' data-x={{ c }} class=x{{ d }} {{ e }}>{{ f }}</p><{{ g }} x><b id="x"{{ h }}>`,
      ),
    ).toEqual([quoted("title"), quoted("alt"), unquoted("data-x"), unquoted("class"), tag, text, tag, tag]);
  });

  it("knows outputs by their position: at the {{ or {% of each", () => {
    const source = `<p>{{ a }}\n<i title={% echo b %}>{%- cycle "x", c -%}{% increment n %}{% liquid echo d %}</i>`;
    expect(scanMarkup(source).outputs).toEqual([
      { offset: 3, context: text },
      { offset: source.indexOf("{% echo"), context: unquoted("title") },
      { offset: source.indexOf("{%- cycle"), context: text },
      { offset: source.indexOf("{% increment"), context: text },
      { offset: source.indexOf("{% liquid"), context: text },
    ]);
  });

  it("reads script and style as code, other raw text as text, up to their end tag", () => {
    expect(
      contexts(
        `<script>if (a<b) x("{{ a }}")</script>{{ b }}<style>p{}</style >{{ c }}<STYLE>{{ d }}</STYLE><textarea><script>{{ e }}</textarea><title>{{ f }}</title>`,
      ),
    ).toEqual([code("script"), text, text, code("style"), text, text]);
    expect(contexts(`<script>"</scripts>{{ a }}"</script>{{ b }}`)).toEqual([code("script"), text]);
  });

  it("reads <style> inside <svg> as markup, still as code for outputs", () => {
    expect(contexts(`<svg><style><b title={{ a }}>{{ b }}</style>{{ c }}</svg>`)).toEqual([
      unquoted("title"),
      code("style"),
      text,
    ]);
  });

  it("leaves comments, raw blocks and Liquid comments as what they are", () => {
    expect(contexts(`<!-- <a title={{ a }}> -->{{ b }}<!--> {{ c }}<!--->{{ d }}`)).toEqual([text, text, text, text]);
    expect(contexts(`<!-- x --!><i title={{ a }}>`)).toEqual([unquoted("title")]);
    expect(contexts(`{% raw %}<i title={{ a }}>{% endraw %}<b>{{ b }}`)).toEqual([text]);
    expect(contexts(`{% comment %}<i title={% endcomment %}<b>{{ b }}{% # <i title= %}{{ c }}`)).toEqual([text, text]);
    expect(contexts(`{{ "}}<i title=" }}{{ a }}`)).toEqual([text, text]);
  });

  it("reads tags that write nothing as no text, and every branch as present", () => {
    expect(contexts(`<i title={% if a %}{{ b }}{% endif %}>`)).toEqual([unquoted("title")]);
    expect(contexts(`<i {% if a %}class="{{ b }}"{% endif %}>{{ c }}`)).toEqual([quoted("class"), text]);
    expect(contexts(`<i title=x {%- if a -%}{%- endif -%} {{ b }}>`)).toEqual([unquoted("title")]);
  });
});

describe("scanMarkup: attributes of the static markup", () => {
  it("names each attribute of a start tag in lowercase, with its value up to its first output", () => {
    const source = `<A HREF="/x{{ a }}y" OnClick=go() data-onclick='z' hidden>x</A></a onclick="no">`;
    expect(scanMarkup(source).attributes).toEqual([
      { tag: "a", name: "href", offset: 3, value: "/x", valueOffset: 9, hasOutput: true },
      { tag: "a", name: "onclick", offset: 21, value: "go()", valueOffset: 29, hasOutput: false },
      { tag: "a", name: "data-onclick", offset: 34, value: "z", valueOffset: 48, hasOutput: false },
      { tag: "a", name: "hidden", offset: 51, value: null, valueOffset: 51, hasOutput: false },
    ]);
  });

  it("joins a name or value that Liquid tags interrupt, and a whitespace-trimmed one", () => {
    const names = (source: string) => scanMarkup(source).attributes.map((a) => [a.name, a.value]);
    expect(names(`<img o{% if a %}{% endif %}nerror="x">`)).toEqual([["onerror", "x"]]);
    expect(names(`<img src=x o {%- if a -%}{%- endif -%} nerror=y>`)).toEqual([
      ["src", "x"],
      ["onerror", "y"],
    ]);
    expect(names(`<a href="{% if a %}java{% endif %}script:x">`)).toEqual([["href", "javascript:x"]]);
  });
});

describe("scanMarkup: cost", () => {
  it("takes one step per character and Liquid token, however many outputs there are", () => {
    // 50,000 characters, 10,000 outputs: each output used to rescan the markup before it
    const outputs = "{{a}}".repeat(10_000);
    const inAttributes = `<i title="{{ a }}" data-x={{ b }}>`.repeat(1_471);
    for (const source of [outputs, inAttributes]) {
      const scan = scanMarkup(source);
      expect(scan.outputs.length).toBe((source.match(/{{/g) ?? []).length);
      expect(scan.steps).toBeLessThanOrEqual(source.length);
    }
    expect(outputs.length).toBe(50_000);
    expect(scanMarkup(outputs).steps).toBe(10_000);
    const double = scanMarkup(inAttributes + inAttributes).steps;
    expect(double).toBe(2 * scanMarkup(inAttributes).steps);
  });
});
