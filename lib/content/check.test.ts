import { describe, expect, it } from "vitest";
import { checkTemplate, compileTemplate } from "./template";

describe("checkTemplate: syntax", () => {
  it("accepts a good template", () => {
    expect(
      checkTemplate('<p>Hi {{ first_name | default: "there" }}, you spent {{ computed.revenue | money }}</p>', "html"),
    ).toEqual([]);
  });

  it("points at an unknown filter by its name, on a later line", () => {
    expect(checkTemplate("<p>Hi</p>\n<p>{{ computed.revenue | moneyy }}</p>", "html")).toEqual([
      { line: 2, column: 26, message: "Unknown filter 'moneyy'" },
    ]);
  });

  it("points at a tag that was not closed", () => {
    expect(checkTemplate("Hello\n\n   {% if computed.orders > 2 %}VIP", "text")).toEqual([
      { line: 3, column: 4, message: "Tag 'if' was not closed" },
    ]);
  });

  it("points at an unknown tag and an unclosed output", () => {
    expect(checkTemplate("a\nb {% frobnicate %}", "text")).toEqual([
      { line: 2, column: 3, message: "Unknown tag 'frobnicate'" },
    ]);
    expect(checkTemplate("a\n  {{ first_name ", "text")).toEqual([
      { line: 2, column: 3, message: "Output is missing its closing '}}'" },
    ]);
  });

  it("points inside a tag at what is wrong", () => {
    expect(checkTemplate("x\n{% assign = 1 %}", "text")).toEqual([
      { line: 2, column: 11, message: "Expected a variable name" },
    ]);
    expect(checkTemplate("x\n{{ first_name | truncate 5 }}", "text")).toEqual([
      { line: 2, column: 26, message: "Expected ':' after the filter name" },
    ]);
  });

  it("finds errors inside a liquid tag at their own line", () => {
    expect(checkTemplate("{% liquid\n  if first_name\n    echo first_name | shout\n  endif\n%}", "text")).toEqual([
      { line: 3, column: 5, message: "Unknown filter 'shout'" },
    ]);
  });

  it("reports every independent error, in order, without the echoes of the first", () => {
    const source =
      "{% if first_name %}\n  {{ first_name | shout }}\n{% endif %}\n{{ city | whisper }}\n{% include 'footer' %}";
    expect(checkTemplate(source, "html")).toEqual([
      { line: 2, column: 19, message: "Unknown filter 'shout'" },
      { line: 4, column: 11, message: "Unknown filter 'whisper'" },
      { line: 5, column: 1, message: "Tag 'include' is not allowed" },
    ]);
  });

  it("reports a closing tag with nothing to close", () => {
    expect(checkTemplate("Hi\n{% endif %}", "text")).toEqual([
      { line: 2, column: 1, message: "Tag 'endif' has no opening 'if'" },
    ]);
  });
});

describe("checkTemplate: a render with sample data", () => {
  it("reports a loop too large to render", () => {
    const errors = checkTemplate("ok\n{% for i in (1..100000000) %}x{% endfor %}", "html");
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ line: 2, column: 1 });
    expect(errors[0]?.message).toMatch(/too large a loop/);
  });

  it("reports a filter given the wrong number of arguments", () => {
    expect(checkTemplate("x\n{{ first_name | append }}", "text")).toEqual([
      { line: 2, column: 1, message: "Filter 'append' takes 1 argument" },
    ]);
  });

  it("reports an unknown currency at the filter", () => {
    expect(checkTemplate('x\n{{ computed.revenue | money: "EURO" }}', "html")).toEqual([
      { line: 2, column: 23, message: `Unknown currency 'EURO' in filter 'money' (use a code such as "USD" or "EUR")` },
    ]);
  });
});

describe("checkTemplate: JSON content", () => {
  const schema = {
    type: "object",
    required: ["title", "cta"],
    additionalProperties: false,
    properties: {
      title: { type: "string" },
      orders: { type: "number" },
      tags: { type: "array", items: { type: "string" } },
    },
  };

  it("accepts valid JSON that satisfies its schema", () => {
    expect(
      checkTemplate('{"title": "Hi {{ first_name }}", "cta": "Shop", "orders": {{ computed.orders }}}', "json"),
    ).toEqual([]);
    expect(
      checkTemplate('{"title": "Hi {{ first_name }}", "cta": "Shop", "orders": {{ computed.orders }}}', "json", {
        ...schema,
        properties: { ...schema.properties, cta: {} },
      }),
    ).toEqual([]);
  });

  it("reports content that is not valid JSON once rendered", () => {
    const errors = checkTemplate('{"title": {{ first_name }}}', "json");
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ line: 1, column: 1 });
    expect(errors[0]?.message).toMatch(/^Not valid JSON when rendered with sample data: /);
    expect(checkTemplate("", "json")[0]?.message).toMatch(/^Not valid JSON/);
  });

  it("reports schema violations with the instance path", () => {
    const errors = checkTemplate(
      '{"title": {{ computed.orders }}, "orders": "{{ computed.orders }}", "extra": 1, "tags": ["a", 2]}',
      "json",
      schema,
    );
    expect(errors.every((e) => e.line === 1 && e.column === 1)).toBe(true);
    expect(errors.map((e) => e.message)).toEqual([
      "Does not match the JSON schema: / must have required property 'cta'",
      "Does not match the JSON schema: / must NOT have additional properties: 'extra'",
      "Does not match the JSON schema: /title must be string",
      "Does not match the JSON schema: /orders must be number",
      "Does not match the JSON schema: /tags/1 must be string",
    ]);
  });

  it("reports a schema that cannot be compiled, with the template's own errors", () => {
    expect(checkTemplate("{{ x | nope }}", "json", { type: "objec" })).toEqual([
      { line: 1, column: 8, message: "Unknown filter 'nope'" },
      expect.objectContaining({
        line: 1,
        column: 1,
        message: expect.stringMatching(/^JSON schema: \/type must be equal to one of the allowed values/),
      }),
    ]);
  });

  it("does not apply a schema to HTML or text", () => {
    expect(checkTemplate("<p>Hi</p>", "html", { type: "object" })).toEqual([]);
  });
});

const handler = (name: string) =>
  `The event handler ${name}="…" would run as script in the storefront page: content cannot carry script`;

describe("checkTemplate: outputs where HTML escaping does not protect them", () => {
  const message = (where: string) =>
    `An output ${where} would be read as code, where HTML escaping does not protect it; put the value in the page's text or a data- attribute instead`;

  it("refuses outputs in scripts, styles and event handlers, pointing at them", () => {
    expect(checkTemplate(`<p>Hi</p>\n<script>var n = "{{ first_name }}";</script>`, "html")).toEqual([
      { line: 2, column: 18, message: message("inside <script>") },
    ]);
    expect(checkTemplate(`<style>.x { content: "{{ first_name }}" }</style>`, "html")).toEqual([
      { line: 1, column: 23, message: message("inside <style>") },
    ]);
    expect(checkTemplate(`<button class="b" onclick="hello('{{ first_name }}')">Go</button>`, "html")).toEqual([
      { line: 1, column: 19, message: handler("onclick") },
      { line: 1, column: 35, message: message(`inside the event handler onclick="…"`) },
    ]);
    expect(checkTemplate(`<img src="/a.png" onerror={{ first_name }}>`, "html")).toEqual([
      { line: 1, column: 19, message: handler("onerror") },
      { line: 1, column: 27, message: message(`inside the event handler onerror="…"`) },
    ]);
    expect(
      checkTemplate(
        `{% if first_name %}<a onmouseover='{% if x %}a{% endif %}{{ first_name }}'>x</a>{% endif %}`,
        "html",
      ),
    ).toHaveLength(2);
  });

  it("counts tags that write (echo, cycle, increment, liquid) as outputs", () => {
    expect(checkTemplate(`<script>\n  var n = "{% echo first_name %}";</script>`, "html")).toEqual([
      { line: 2, column: 12, message: message("inside <script>") },
    ]);
    expect(
      checkTemplate(`<style>{% liquid\n  echo first_name %}</style><a onclick='{% cycle "a", first_name %}'>`, "html"),
    ).toEqual([
      { line: 1, column: 8, message: message("inside <style>") },
      { line: 2, column: 32, message: handler("onclick") },
      { line: 2, column: 41, message: message(`inside the event handler onclick="…"`) },
    ]);
    expect(checkTemplate(`<script>{% liquid assign n = 1 %}{% if n %}{% endif %}</script>`, "html")).toEqual([]);
  });

  it("accepts outputs in text, ordinary attributes, after a script has closed, in raw blocks, and in text content", () => {
    expect(
      checkTemplate(
        `<script>track()</script><p title="{{ first_name }}" data-name="{{ first_name }}">{{ first_name }}</p>`,
        "html",
      ),
    ).toEqual([]);
    expect(
      checkTemplate(`<a href="/x" data-onclick="go()">{{ first_name }}</a><p>one=1 {{ first_name }}</p>`, "html"),
    ).toEqual([]);
    expect(checkTemplate(`<p>{% raw %}<script>{{ not_an_output }}</script>{% endraw %}</p>`, "html")).toEqual([]);
    expect(checkTemplate(`<scripture>{{ first_name }}</scripture>`, "html")).toEqual([]);
    expect(checkTemplate(`<script>{{ first_name }}</script>`, "text")).toEqual([]);
  });
});

describe("checkTemplate: outputs that could add attributes", () => {
  const unquoted = (attribute: string) =>
    `An output inside an unquoted attribute value can add attributes: quote the value (${attribute}="{{ … }}")`;
  const inTag = `An output inside a tag, outside a quoted attribute value, can add attributes: put it in a quoted value (title="{{ … }}") or in the text`;
  const attack = "x onmouseover=alert(1) autofocus onfocus=alert(1)";

  it("refuses an output in an unquoted attribute value, whose trait would write attributes of its own", () => {
    const source = `<p>Hi</p>\n<div title={{ traits.first_name }}>Hi</div>`;
    // why: escaping leaves spaces and = alone, and a space ends an unquoted value
    const compiled = compileTemplate(source, "html");
    const data = { traits: { first_name: attack }, computed: {}, context: {} };
    expect(compiled.ok && compiled.template.render(data)).toBe(`<p>Hi</p>\n<div title=${attack}>Hi</div>`);
    expect(checkTemplate(source, "html")).toEqual([{ line: 2, column: 12, message: unquoted("title") }]);
    expect(checkTemplate(`<img alt=Hi{{ first_name }} src="/a.png">`, "html")).toEqual([
      { line: 1, column: 12, message: unquoted("alt") },
    ]);
    expect(checkTemplate(`<a class = {% echo first_name %}>x</a>`, "html")).toEqual([
      { line: 1, column: 12, message: unquoted("class") },
    ]);
    expect(checkTemplate(`<i title={% if first_name %}{{ first_name }}{% endif %}>`, "html")).toEqual([
      { line: 1, column: 29, message: unquoted("title") },
    ]);
  });

  it("refuses an output elsewhere inside a tag: as attributes, a tag name, after a quoted value", () => {
    expect(checkTemplate(`<div {{ first_name }}>x</div>`, "html")).toEqual([{ line: 1, column: 6, message: inTag }]);
    expect(checkTemplate(`<{{ first_name }}>`, "html")).toEqual([{ line: 1, column: 2, message: inTag }]);
    expect(checkTemplate(`<a href="/x"{{ first_name }}>x</a>`, "html")).toEqual([
      { line: 1, column: 13, message: inTag },
    ]);
  });

  it("accepts outputs in quoted values, in text, and beside a < that starts no tag", () => {
    expect(
      checkTemplate(
        `<div title="{{ first_name }}" data-x='{{ first_name }}' class="a {{ first_name }} b">{{ first_name }}</div>`,
        "html",
      ),
    ).toEqual([]);
    expect(checkTemplate(`<p>1 < {{ computed.orders }} and a=b {{ first_name }}</p>`, "html")).toEqual([]);
    expect(checkTemplate(`<div title={{ first_name }}>`, "text")).toEqual([]);
  });

  it("checks a 50,000-character template of 10,000 outputs from one scan, one error per output", () => {
    const source = `<p t=${"{{a}}".repeat(9_999)}>{{a}}`;
    expect(source.length).toBe(50_006);
    const errors = checkTemplate(source, "html");
    expect(errors).toHaveLength(9_999);
    expect(errors[0]).toEqual({ line: 1, column: 6, message: unquoted("t") });
    expect(errors.at(-1)).toEqual({ line: 1, column: 49_996, message: unquoted("t") });
  });
});

describe("checkTemplate: event handlers and script links in the markup itself", () => {
  const scriptLink = (scheme: string, attribute: string) =>
    `A ${scheme}: link in ${attribute}="…" would run as script: link to https://…, a path such as /sale, mailto: or tel:`;
  const dataUrl = (attribute: string) =>
    `A data: URL in ${attribute}="…" can hold a page or a script: only an image is allowed, as <img src="data:image/png;…">`;

  it("refuses an event-handler attribute with no output in it, at its name", () => {
    expect(checkTemplate(`<p>Sale</p>\n<img src=x onerror="alert(1)">`, "html")).toEqual([
      { line: 2, column: 12, message: handler("onerror") },
    ]);
    for (const [source, name, column] of [
      [`<IMG SRC=x ONERROR=alert(1)>`, "onerror", 12],
      [`<svg><a onclick='go()'>x</a></svg>`, "onclick", 9],
      [`<img/onerror=alert(1) src=x>`, "onerror", 6],
      [`<img src="a.png"onload=alert(1)>`, "onload", 17],
      [`<div\nonmouseover=alert(1)>`, "onmouseover", 1],
      // Liquid tags write nothing: the browser reads one name
      [`<img src=x o{% if first_name %}{% endif %}nerror=alert(1)>`, "onerror", 12],
      [`<img src=x o {%- if first_name -%}{%- endif -%} nerror=alert(1)>`, "onerror", 12],
      [`{% raw %}<img src=x onerror=alert(1)>{% endraw %}`, "onerror", 21],
    ] as const) {
      const errors = checkTemplate(source, "html");
      expect(errors, source).toEqual([expect.objectContaining({ message: handler(name) })]);
      expect(errors[0]?.column, source).toBe(column);
    }
  });

  it("refuses an iframe's srcdoc, whose escaped text is markup again, with or without an output", () => {
    const srcdoc = `An iframe's srcdoc="…" is a page of its own, where script runs: link to a page with src="https://…" instead`;
    expect(checkTemplate(`<iframe srcdoc="&lt;script&gt;alert(1)&lt;/script&gt;"></iframe>`, "html")).toEqual([
      { line: 1, column: 9, message: srcdoc },
    ]);
    expect(checkTemplate(`<iframe SRCDOC="<p>{{ first_name }}</p>"></iframe>`, "html")).toEqual([
      { line: 1, column: 9, message: srcdoc },
    ]);
  });

  it("refuses javascript:, vbscript: and data: links in URL attributes, however the scheme is written", () => {
    expect(checkTemplate(`<p>x</p>\n<a href="javascript:alert(1)">Sale</a>`, "html")).toEqual([
      { line: 2, column: 10, message: scriptLink("javascript", "href") },
    ]);
    for (const [source, attribute] of [
      [`<a href="jav&#x61;script:alert(1)">x</a>`, "href"],
      [`<a href=" javascript:alert(1)">x</a>`, "href"],
      [`<a href="&#106;avascript:alert(1)">x</a>`, "href"],
      [`<a href="&#x6A;avascript:alert(1)">x</a>`, "href"],
      [`<a href="java&Tab;script:alert(1)">x</a>`, "href"],
      [`<a href="java\tscr\nipt:alert(1)">x</a>`, "href"],
      [`<a href="\u0001javascript:alert(1)">x</a>`, "href"],
      [`<a href="javascript&colon;alert(1)">x</a>`, "href"],
      [`<a href=JaVaScRiPt:alert(1)>x</a>`, "href"],
      [`<a href='javascript:{{ first_name }}'>x</a>`, "href"],
      [`<a href="{% if first_name %}javascript:alert(1){% else %}/{% endif %}">x</a>`, "href"],
      [`<iframe src="javascript:alert(1)"></iframe>`, "src"],
      [`<form action="javascript:alert(1)"><button>Go</button></form>`, "action"],
      [`<button formaction="javascript:alert(1)">Go</button>`, "formaction"],
      [`<svg><a xlink:href="javascript:alert(1)"><text>x</text></a></svg>`, "xlink:href"],
    ] as const) {
      expect(checkTemplate(source, "html"), source).toEqual([
        expect.objectContaining({ message: scriptLink("javascript", attribute) }),
      ]);
    }
    expect(checkTemplate(`<a href="vbscript:msgbox(1)">x</a>`, "html")).toEqual([
      { line: 1, column: 10, message: scriptLink("vbscript", "href") },
    ]);
    for (const [source, attribute] of [
      [`<a href="data:text/html,<script>alert(1)</script>">x</a>`, "href"],
      [`<iframe src="data:text/html;base64,PHNjcmlwdD4=">`, "src"],
      [`<img src="data:image/svg+xml,<svg onload=alert(1)>">`, "src"],
      [`<a href="data:image/png;base64,iVBOR">x</a>`, "href"],
    ] as const) {
      expect(checkTemplate(source, "html"), source).toEqual([expect.objectContaining({ message: dataUrl(attribute) })]);
    }
  });

  it("refuses script links in <object data> and in what an SVG animation sets, and keeps harmless animations", () => {
    for (const [source, attribute] of [
      [`<object data="javascript:alert(1)"></object>`, "data"],
      [`<svg><a><animate attributeName="href" values="/ok;javascript:alert(1)"/><text>x</text></a></svg>`, "values"],
      [`<svg><a><set attributeName="href" to="javascript:alert(1)"/><text>x</text></a></svg>`, "to"],
      [`<svg><a><animate attributeName="href" from="jav&#x61;script:alert(1)" to="/"/></a></svg>`, "from"],
    ] as const) {
      expect(checkTemplate(source, "html"), source).toEqual([
        expect.objectContaining({ message: scriptLink("javascript", attribute) }),
      ]);
    }
    expect(
      checkTemplate(`<svg><circle r="5"><animate attributeName="r" values="5;10;5" dur="1s"/></circle></svg>`, "html"),
    ).toEqual([]);
    expect(checkTemplate(`<object data="/brochure.pdf" type="application/pdf"></object>`, "html")).toEqual([]);
  });

  it("accepts links, images, handler-like text and data- attributes", () => {
    for (const source of [
      `<a href="https://shop.example/sale?a=1&amp;b=2">Sale</a>`,
      `<a href="/path">x</a><a href=/path>y</a><a href="sale/shoes#top">z</a>`,
      `<a href="{{ product.url }}">x</a><a href="{{ traits.link }}">y</a><a href="/p/{{ first_name }}">z</a>`,
      `<a href="mailto:help@shop.example">x</a><a href="tel:+4930123">y</a>`,
      `<img src="data:image/png;base64,iVBOR" alt="x"><img src="/a.png">`,
      `<p>Your onboarding starts today: onclick=go() is just text, as is javascript:alert(1)</p>`,
      `<div data-on="x" data-onclick="go()" aria-label="on">{{ first_name }}</div>`,
      `<a href="/sale" title="javascript: the language">x</a>`,
      `<!-- <img src=x onerror=alert(1)> --><textarea><img src=x onerror=alert(1)></textarea>`,
      `{% comment %}<img src=x onerror=alert(1)>{% endcomment %}<p>Hi</p>`,
    ]) {
      expect(checkTemplate(source, "html"), source).toEqual([]);
    }
  });

  it("leaves text and JSON content as they were checked, and serves what was saved before", () => {
    expect(checkTemplate(`<img src=x onerror="alert(1)"><a href="javascript:x">`, "text")).toEqual([]);
    expect(checkTemplate(`{"html": "<img src=x onerror=alert(1)>"}`, "json")).toEqual([]);
    // the run time compiles older content as it did (its script links still become #)
    const saved = compileTemplate(`<img src=x onerror="alert(1)"><a href="javascript:x">y</a>`, "html");
    expect(saved.ok && saved.template.literal).toBe(`<img src=x onerror="alert(1)"><a href="#">y</a>`);
  });
});
