import { describe, expect, it } from "vitest";
import { csvCell, csvLine } from "./cell";

describe("csvCell", () => {
  it("defuses every start OWASP lists for CSV injection: = + - @ tab and carriage return", () => {
    expect(csvCell('=HYPERLINK("http://evil")')).toBe(`"'=HYPERLINK(""http://evil"")"`);
    expect(csvCell("+1+2")).toBe("'+1+2");
    expect(csvCell("-2+3")).toBe("'-2+3");
    expect(csvCell("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(csvCell("\t=1")).toBe("'\t=1");
    expect(csvCell("\r=1")).toBe(`"'\r=1"`);
  });

  it("keeps numbers, negative amounts included, as numbers", () => {
    expect(csvCell("-5.00")).toBe("-5.00");
    expect(csvCell(-12)).toBe("-12");
    expect(csvCell("1250.5")).toBe("1250.5");
  });

  it("quotes commas, quotes and line breaks (RFC 4180), and leaves the rest", () => {
    expect(csvCell('Ana "A", Berlin')).toBe('"Ana ""A"", Berlin"');
    expect(csvCell("two\nlines")).toBe('"two\nlines"');
    expect(csvCell(null)).toBe("");
    expect(csvLine(["a", 1, undefined])).toBe("a,1,\r\n");
  });
});
