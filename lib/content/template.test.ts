import { Liquid } from "liquidjs";
import { afterEach, describe, expect, it, vi } from "vitest";
import { compileTemplate, sampleTemplateData, type ContentType, type TemplateData } from "./template";

const HOSTILE = `<script>alert("x")</script>`;

function data(
  traits: Record<string, unknown> = {},
  computed: Record<string, unknown> = {},
  context: Record<string, unknown> = {},
): TemplateData {
  return {
    traits: { first_name: "Alex", city: "Berlin", ...traits },
    computed: { orders: 3, revenue: 249.5, ...computed },
    context: { country: "DE", ...context },
  };
}

function render(source: string, contentType: ContentType, input: TemplateData = data()): string {
  const compiled = compileTemplate(source, contentType);
  if (!compiled.ok) throw new Error(`did not compile: ${JSON.stringify(compiled.errors)}`);
  return compiled.template.render(input);
}

describe("literal text", () => {
  it("renders as itself, as the engine would, without the engine", () => {
    const html = `<h2>Welcome</h2><p>10% off with "HELLO10" & more</p>`;
    expect(render(html, "html")).toBe(html);
    expect(new Liquid().parseAndRenderSync(html)).toBe(html);
    expect(render(`{"title": "Sale"}`, "json")).toBe(`{"title": "Sale"}`);
    expect(render(`{"title": `, "json")).toBe("");
  });
});

describe("scope", () => {
  it("reads traits by bare name and through traits, computed and context", () => {
    expect(
      render(
        "Hi {{ first_name }} from {{ traits.city }}: {{ computed.orders }} orders, in {{ context.country }}",
        "text",
      ),
    ).toBe("Hi Alex from Berlin: 3 orders, in DE");
  });

  it("renders missing variables as nothing, so default applies", () => {
    expect(
      render("[{{ last_name }}][{{ traits.zip }}][{{ computed.nope.deeper }}][{{ context.utm_source }}]", "text"),
    ).toBe("[][][][]");
    expect(render('{{ traits.city | default: "your city" }} / {{ traits.zip | default: "your zip" }}', "text")).toBe(
      "Berlin / your zip",
    );
  });

  it("lets traits, computed and context win over a trait of the same name", () => {
    expect(render("{{ computed.orders }}", "text", data({ computed: "shadow" }))).toBe("3");
  });

  it("reads nothing but the data: no prototypes, no globals, no environment", () => {
    const probes = [
      "{{ traits.constructor }}",
      "{{ traits.__proto__ }}",
      '{{ traits["__proto__"] }}',
      "{{ constructor }}",
      "{{ first_name.constructor }}",
      "{{ traits.hasOwnProperty }}",
      "{{ traits.toString }}",
      "{{ computed.orders.constructor }}",
      "{{ process.env.HOME }}",
      "{{ process }}",
      "{{ globalThis }}",
      "{{ require }}",
      "{{ this }}",
    ];
    for (const probe of probes) expect(render(probe, "text"), probe).toBe("");
  });

  it("does not change the caller's data", () => {
    const input = data();
    const before = JSON.stringify(input);
    expect(render('{% assign first_name = "Bob" %}{% increment traits %}{{ first_name }}', "text", input)).toBe("0Bob");
    expect(JSON.stringify(input)).toBe(before);
    expect(render("{{ first_name }}", "text", input)).toBe("Alex");
  });

  it("runs conditionals, case, loops, assign and capture", () => {
    const source = [
      "{% if computed.orders > 5 %}VIP{% elsif computed.orders > 2 %}regular{% else %}new{% endif %}",
      "{% unless traits.vip %} not-vip{% endunless %}",
      "{% case context.country %}{% when 'DE' %} Hallo{% when 'FR' %} Bonjour{% else %} Hello{% endcase %}",
      "{% for tag in traits.tags %} #{{ tag }}{% endfor %}",
      '{% assign greeting = "Hey" %}{% capture who %}{{ first_name | upcase }}{% endcapture %} {{ greeting }} {{ who }}',
    ].join("");
    expect(render(source, "text", data({ tags: ["run", "trail"] }))).toBe("regular not-vip Hallo #run #trail Hey ALEX");
  });
});

describe("escaping", () => {
  it("HTML-escapes every output in HTML and keeps the marketer's own markup", () => {
    const out = render(
      '<p class="hi">Hi {{ traits.name }}</p><a title="{{ traits.quote }}">x</a>',
      "html",
      data({ name: HOSTILE, quote: `a"b'c` }),
    );
    expect(out).toBe(
      '<p class="hi">Hi &lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;</p><a title="a&#34;b&#39;c">x</a>',
    );
  });

  it("does not let raw bypass escaping of visitor data, in any form", () => {
    const input = data({ name: HOSTILE });
    for (const source of [
      "{{ traits.name | raw }}",
      "{{ name | raw }}",
      "{% echo traits.name | raw %}",
      "{% liquid\n  echo traits.name | raw\n%}",
      "{{ traits.name | upcase | raw }}",
    ]) {
      const out = render(source, "html", input);
      expect(out, source).not.toContain("<script");
      expect(out, source).toContain("&lt;");
    }
  });

  it("escapes once, not twice, when the marketer escapes too", () => {
    expect(
      render("{{ traits.name | escape }}|{{ traits.name | escape_once }}", "html", data({ name: "<b>&amp;" })),
    ).toBe("&lt;b&gt;&amp;amp;|&lt;b&gt;&amp;");
  });

  it("writes outputs as they are in plain text", () => {
    expect(render("Hi {{ traits.name }} & {{ first_name | raw }}", "text", data({ name: HOSTILE }))).toBe(
      `Hi ${HOSTILE} & Alex`,
    );
  });

  it("JSON-string-escapes outputs in JSON, so the document stays valid", () => {
    const hostile = `quote" \\ {"admin": true} \n\t </script> \u2028`;
    const out = render(
      '{"title": "Hi {{ first_name }}", "count": {{ computed.orders }}}',
      "json",
      data({ first_name: hostile }),
    );
    expect(JSON.parse(out)).toEqual({ title: `Hi ${hostile}`, count: 3 });
    expect(out).not.toContain("</script>");
  });

  it("writes the json filter as a whole JSON value in JSON content (null when missing)", () => {
    const out = render(
      '{"tags": {{ traits.tags | json }}, "none": {{ traits.nope | json }}}',
      "json",
      data({ tags: ["a", '"b"'] }),
    );
    expect(JSON.parse(out)).toEqual({ tags: ["a", '"b"'], none: null });
  });

  it("renders nothing rather than broken JSON", () => {
    expect(render('{"n": {{ first_name }}}', "json")).toBe("");
  });
});

describe("sandbox", () => {
  it.each(["include", "render", "layout", "block"])("refuses the %s tag", (tag) => {
    const compiled = compileTemplate(`Hello\n{% ${tag} "header" %}{% end${tag} %}`, "html");
    expect(compiled.ok).toBe(false);
    if (!compiled.ok)
      expect(compiled.errors[0]).toEqual({ line: 2, column: 1, message: `Tag '${tag}' is not allowed` });
  });

  it("refuses an unknown filter when compiling", () => {
    const compiled = compileTemplate("{{ computed.revenue | moneyy }}", "html");
    expect(compiled).toEqual({ ok: false, errors: [{ line: 1, column: 23, message: "Unknown filter 'moneyy'" }] });
  });

  it("stops a loop over a huge range at once", () => {
    const started = performance.now();
    expect(render("{% for i in (1..100000000) %}x{% endfor %}", "html")).toBe("");
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it("stops a render that runs too long", () => {
    const items = Array.from({ length: 3000 }, (_, i) => i);
    const started = performance.now();
    expect(
      render(
        "{% for a in traits.items %}{% for b in traits.items %}{% endfor %}{% endfor %}done",
        "text",
        data({ items }),
      ),
    ).toBe("");
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it("refuses a template that is too long", () => {
    const compiled = compileTemplate("x".repeat(200_001), "text");
    expect(compiled.ok).toBe(false);
    if (!compiled.ok) expect(compiled.errors[0]?.message).toMatch(/too long/);
  });

  it("never throws from render, and does not leak the error", () => {
    const compiled = compileTemplate('{{ first_name }}{{ "a" | append }}', "text");
    expect(compiled.ok).toBe(true);
    if (!compiled.ok) return;
    expect(compiled.template.render(data())).toBe("");
    const exploding = {
      traits: Object.defineProperty({}, "first_name", {
        enumerable: true,
        get: () => {
          throw new Error("secret");
        },
      }),
      computed: {},
      context: {},
    };
    expect(compiled.template.render(exploding)).toBe("");
    expect(compiled.template.render(null as unknown as TemplateData)).toBe("");
  });
});

describe("compiled once", () => {
  afterEach(() => vi.restoreAllMocks());

  it("does not parse again when rendering", () => {
    const compiled = compileTemplate('Hi {{ first_name | default: "there" }}!', "html");
    expect(compiled.ok).toBe(true);
    if (!compiled.ok) return;
    const parse = vi.spyOn(Liquid.prototype, "parse");
    const input = sampleTemplateData();
    for (let i = 0; i < 100; i++) expect(compiled.template.render(input)).toBe("Hi Alex!");
    expect(parse).not.toHaveBeenCalled();
  });

  it("keeps its content type", () => {
    const compiled = compileTemplate("{}", "json");
    expect(compiled.ok && compiled.template.contentType).toBe("json");
  });

  it("refuses an unknown content type", () => {
    expect(compileTemplate("x", "xml" as ContentType).ok).toBe(false);
  });
});
