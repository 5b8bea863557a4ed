import { describe, expect, it } from "vitest";
import { formatMoney } from "./money";
import { compileTemplate, type ContentType, type TemplateData } from "./template";

const input: TemplateData = {
  traits: { first_name: "alex SMITH", empty: "", tier: null },
  computed: { revenue: 249.5, big: 1234.5, refund: -5, as_text: "249.5" },
  context: { now: "2026-05-01T09:30:00Z", local: "2026-05-01T22:30:00+02:00", day: "2026-05-01" },
};

function render(source: string, contentType: ContentType = "text"): string {
  const compiled = compileTemplate(source, contentType);
  if (!compiled.ok) throw new Error(`did not compile: ${JSON.stringify(compiled.errors)}`);
  return compiled.template.render(input);
}

describe("default", () => {
  it("replaces what is missing, nil, false or empty, and keeps the rest", () => {
    expect(
      render(
        '{{ traits.nope | default: "there" }}|{{ traits.tier | default: "basic" }}|{{ traits.empty | default: "x" }}|{{ false | default: "x" }}',
      ),
    ).toBe("there|basic|x|x");
    expect(render('{{ first_name | default: "there" }}|{{ 0 | default: "x" }}')).toBe("alex SMITH|0");
  });
});

describe("text filters", () => {
  it("upcase, downcase and capitalize", () => {
    expect(render("{{ first_name | upcase }}|{{ first_name | downcase }}|{{ first_name | capitalize }}")).toBe(
      "ALEX SMITH|alex smith|Alex smith",
    );
  });

  it("truncate counts the ellipsis in the length, and takes another one", () => {
    expect(
      render('{{ "Hello world" | truncate: 8 }}|{{ "Hello world" | truncate: 8, "…" }}|{{ "Hello" | truncate: 20 }}'),
    ).toBe("Hello...|Hello w…|Hello");
  });
});

describe("date", () => {
  it("formats with strftime, in English, in UTC unless the date carries an offset", () => {
    expect(render('{{ context.now | date: "%b %d" }}')).toBe("May 01");
    expect(render('{{ context.now | date: "%A %-d %B %Y, %H:%M" }}')).toBe("Friday 1 May 2026, 09:30");
    expect(render('{{ context.local | date: "%H:%M" }}')).toBe("22:30");
    expect(render('{{ context.day | date: "%d/%m/%Y %H:%M" }}')).toBe("01/05/2026 00:00");
  });

  it("reads numbers as Unix seconds and renders a missing date as nothing", () => {
    expect(render('{{ 1777627800 | date: "%Y-%m-%d %H:%M" }}')).toBe("2026-05-01 09:30");
    expect(render('[{{ context.nope | date: "%b %d" }}]')).toBe("[]");
  });
});

describe("money", () => {
  it("formats dollars by default and other currencies by code", () => {
    expect(render("{{ computed.revenue | money }}")).toBe("$249.50");
    expect(
      render(
        '{{ 1234.5 | money: "EUR" }}|{{ computed.big | money: "eur" }}|{{ computed.big | money: "GBP" }}|{{ computed.big | money: "JPY" }}',
      ),
    ).toBe("€1,234.50|€1,234.50|£1,234.50|¥1,235");
    expect(render("{{ computed.refund | money }}")).toBe("-$5.00");
  });

  it("reads numeric text, and renders anything else as nothing", () => {
    expect(render("{{ computed.as_text | money }}")).toBe("$249.50");
    expect(
      render(
        '[{{ first_name | money }}][{{ computed.nope | money }}][{{ traits.tier | money }}][{{ "12abc" | money }}][{{ "" | money }}]',
      ),
    ).toBe("[][][][][]");
  });

  it("renders nothing for an unknown currency at run time", () => {
    expect(render('[{{ computed.revenue | money: "EURO" }}]')).toBe("[]");
  });

  it("escapes like any output in HTML", () => {
    expect(render("<b>{{ computed.revenue | money }}</b>", "html")).toBe("<b>$249.50</b>");
  });

  it("formats directly too", () => {
    expect(formatMoney(249.5)).toBe("$249.50");
    expect(formatMoney(1234.5, "EUR")).toBe("€1,234.50");
    expect(formatMoney(Number.NaN)).toBe("");
    expect(formatMoney(Infinity)).toBe("");
    expect(formatMoney({ valueOf: () => 3 })).toBe("");
    expect(formatMoney(1, "E1R")).toBe("");
  });
});
