import { detectKind } from "./detect";
import { formatMapping, recognizeFormat, type ImportFormat } from "./formats";
import { guessMapping } from "./guess-mapping";
import type { ImportKind, ImportMapping, TraitType } from "./schema";
import { booleanValue, dateValue, detectDecimalMark, numberValue, type DecimalMark } from "./values";

const AMOUNT_FIELDS = new Set(["total", "subtotal", "shipping", "taxes", "discount", "refunded", "item_price"]);

/**
 * The decimal convention of a file from the sample cells of its amount columns and number-like traits, or
 * null when they do not settle it (the wizard then asks).
 */
export function mappingDecimal(columns: Record<string, string>, rows: Record<string, string>[]): DecimalMark | null {
  const samples = Object.entries(columns).flatMap(([column, target]) =>
    AMOUNT_FIELDS.has(target) || target.startsWith("trait:")
      ? rows.map((r) => r[column]?.trim() ?? "").filter((v) => /^[-+]?[^\sA-Za-z]*\d[\d.,\s]*[^\sA-Za-z]*$/.test(v))
      : [],
  );
  return detectDecimalMark(samples);
}

/**
 * A trait column's type from its sample cells: yes/no words make a boolean, numbers in the file's convention
 * a number, dates a date, anything else (or a mix) text. Every row is then read as that type.
 */
export function guessTraitType(values: string[], decimal: DecimalMark, dateOrder: "dmy" | "mdy"): TraitType {
  const cells = values.map((v) => v.trim()).filter(Boolean);
  if (cells.length === 0) return "text";
  if (cells.every((v) => /^(yes|no|true|false|y|n)$/i.test(v) && booleanValue(v).ok)) return "boolean";
  // identifiers (long digit strings, leading zeros) stay text
  if (cells.every((v) => numberValue(v, decimal).ok && !/^0\d/.test(v) && v.replace(/\D/g, "").length < 16))
    return "number";
  if (cells.every((v) => /\d{4}|\d{1,2}[/.]\d{1,2}[/.]\d{2}/.test(v) && dateValue(v, dateOrder).ok)) return "date";
  return "text";
}

export type MappingSuggestion = {
  /** The platform export the file was recognized as, if any. */
  format: ImportFormat | null;
  mapping: Pick<ImportMapping, "kind" | "columns" | "traitTypes" | "decimal" | "dateOrder"> &
    Partial<Pick<ImportMapping, "marketingConsent">>;
  /** False when the samples did not settle the decimal convention (the wizard asks). */
  decimalKnown: boolean;
};

/**
 * The mapping to propose for a file from its header and first rows: a recognized export's preset, else the
 * guesses by header name for the detected (or chosen) kind; trait types and the decimal convention from the
 * samples.
 */
export function suggestMapping(
  headers: string[],
  rows: Record<string, string>[],
  chosenKind?: ImportKind,
  dateOrder: "dmy" | "mdy" = "dmy",
): MappingSuggestion {
  const recognized = recognizeFormat(headers);
  const format = recognized && (!chosenKind || chosenKind === recognized.kind) ? recognized : null;
  const preset = format ? formatMapping(format, headers) : null;
  const kind = preset?.kind ?? chosenKind ?? detectKind(headers, rows);
  const columns = preset?.columns ?? guessMapping(kind, headers);
  const detected = mappingDecimal(columns, rows);
  const decimal = preset?.decimal ?? detected ?? "point";
  const order = preset?.dateOrder ?? dateOrder;
  const traitTypes: Record<string, TraitType> = {};
  for (const [column, target] of Object.entries(columns))
    if (target.startsWith("trait:"))
      traitTypes[column] =
        preset?.traitTypes[column] ??
        guessTraitType(
          rows.map((r) => r[column] ?? ""),
          decimal,
          order,
        );
  return {
    format,
    mapping: {
      kind,
      columns,
      traitTypes,
      decimal,
      dateOrder: order,
      ...(preset?.marketingConsent ? { marketingConsent: preset.marketingConsent } : {}),
    },
    decimalKnown: preset?.decimal !== undefined || detected !== null,
  };
}
