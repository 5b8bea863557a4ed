/**
 * The states of a browser's HTML tokenizer (WHATWG "tokenization",
 * simplified to what the save checks need), fed the static text of a
 * template and told where its outputs and other Liquid tags stand: it
 * records, in one pass, the context each output lands in and every
 * attribute of a start tag. One step per character (`steps`). Pure.
 */

/** Where an output lands in the markup. */
export type OutputContext =
  | { kind: "text" }
  | { kind: "code"; element: "script" | "style" }
  | { kind: "tag" }
  | { kind: "quoted"; attribute: string }
  | { kind: "unquoted"; attribute: string };

/** An output (`{{ … }}`, or a tag that writes: `echo`, `cycle`, …) at the offset of its `{{` or `{%`. */
export type OutputSite = { offset: number; context: OutputContext };

/** An attribute of a start tag, as the browser reads its name. */
export type AttributeSite = {
  /** The tag's name in lowercase ("" when it is written by Liquid). */
  tag: string;
  /** The attribute's name in lowercase, as the browser reads it. */
  name: string;
  offset: number;
  /** The value as written (entities not decoded) up to its first output, Liquid tags left out; null without `=`. */
  value: string | null;
  /** Offset of the value's first character (after its quote). */
  valueOffset: number;
  /** Whether an output writes part of the value. */
  hasOutput: boolean;
};

/** Elements whose content is text up to their end tag (in HTML, not inside `<svg>` or `<math>`). */
const RAW_TEXT = new Set(["script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes", "noscript"]);

type State =
  | "data"
  | "tagOpen"
  | "endTagOpen"
  | "tagName"
  | "beforeAttrName"
  | "attrName"
  | "afterAttrName"
  | "beforeAttrValue"
  | "valueDouble"
  | "valueSingle"
  | "valueUnquoted"
  | "afterValueQuoted"
  | "selfClosing"
  | "comment"
  | "bogusComment"
  | "rawText"
  | "plainText";

const isSpace = (c: string) => c === " " || c === "\n" || c === "\t" || c === "\f" || c === "\r";
const isLetter = (c: string) => (c >= "a" && c <= "z") || (c >= "A" && c <= "Z");

/** Fed text and Liquid in source order (`text`, `output`, `silentTag`); results in `outputs` and `attributes`. */
export class HtmlTokenizer {
  readonly outputs: OutputSite[] = [];
  readonly attributes: AttributeSite[] = [];
  steps = 0;
  private state: State = "data";
  private tag = { name: "", end: false, selfClosing: false };
  private attribute: AttributeSite | null = null;
  /** The element whose raw text we are in (`script` until `</script`). */
  private rawElement = "";
  /** `script` or `style` while inside one, in HTML or in `<svg>`. */
  private codeElement: "script" | "style" | null = null;
  /** Depth of `<svg>` and `<math>`, where `<style>` and the like hold markup, not raw text. */
  private foreign = 0;
  /** Dashes just read in a comment, and whether it has only started (`<!-->` ends it). */
  private dashes = 0;
  private commentStart = false;

  constructor(private readonly source: string) {}

  /** Static text from `begin` to `end`. */
  text(begin: number, end: number): void {
    const source = this.source;
    let i = begin;
    while (i < end) {
      this.steps++;
      i += this.step(source[i]!, i, end);
    }
  }

  /** An output at `offset`. */
  output(offset: number): void {
    this.steps++;
    this.outputs.push({ offset, context: this.contextOfOutput(offset) });
  }

  /** A Liquid tag that writes nothing itself: it stands for no text, except that `<{% … %}` starts a tag. */
  silentTag(): void {
    this.steps++;
    if (this.state === "tagOpen" || this.state === "endTagOpen") this.startTag(this.state === "endTagOpen");
  }

  /** Where an output at `offset` lands; an output right after `=` starts an unquoted value. */
  private contextOfOutput(offset: number): OutputContext {
    switch (this.state) {
      case "data":
      case "rawText":
        return this.codeElement ? { kind: "code", element: this.codeElement } : { kind: "text" };
      case "comment":
      case "bogusComment":
      case "plainText":
        return { kind: "text" };
      case "valueDouble":
      case "valueSingle":
        this.attribute!.hasOutput = true;
        return { kind: "quoted", attribute: this.attribute!.name };
      case "beforeAttrValue":
        this.startValue(offset, "valueUnquoted");
        this.attribute!.hasOutput = true;
        return { kind: "unquoted", attribute: this.attribute!.name };
      case "valueUnquoted":
        this.attribute!.hasOutput = true;
        return { kind: "unquoted", attribute: this.attribute!.name };
      case "tagOpen":
      case "endTagOpen":
        // `<{{ x }}` writes a tag's name, and whatever attributes the value brings
        this.startTag(this.state === "endTagOpen");
        return { kind: "tag" };
      default:
        return { kind: "tag" };
    }
  }

  private startTag(end: boolean): void {
    this.tag = { name: "", end, selfClosing: false };
    this.attribute = null;
    this.state = "tagName";
  }

  private startAttribute(offset: number): void {
    this.state = "attrName";
    if (this.tag.end) {
      // attributes of an end tag are read and dropped by the browser
      this.attribute = { tag: "", name: "", offset, value: null, valueOffset: offset, hasOutput: false };
      return;
    }
    this.attribute = { tag: this.tag.name, name: "", offset, value: null, valueOffset: offset, hasOutput: false };
    this.attributes.push(this.attribute);
  }

  private appendToValue(c: string): void {
    const attribute = this.attribute!;
    if (!attribute.hasOutput) attribute.value += c;
  }

  private startValue(offset: number, state: State): void {
    this.state = state;
    this.attribute!.value = "";
    this.attribute!.valueOffset = offset;
  }

  /** The tag is complete (`>`): what follows it is text, raw text, or foreign content. */
  private emitTag(): void {
    const { name, end, selfClosing } = this.tag;
    this.state = "data";
    this.attribute = null;
    if (name === "svg" || name === "math") {
      if (end) this.foreign = Math.max(0, this.foreign - 1);
      else if (!selfClosing) this.foreign++;
      return;
    }
    if (end) {
      if (name === this.codeElement) this.codeElement = null;
      return;
    }
    if (name === "script" || name === "style") this.codeElement = name;
    if (this.foreign > 0) return;
    if (name === "plaintext") this.state = "plainText";
    else if (RAW_TEXT.has(name)) {
      this.state = "rawText";
      this.rawElement = name;
    }
  }

  /** Whether `</name` of the open raw-text element, then a space, `/` or `>`, starts at `i`. */
  private closesRawText(i: number, end: number): boolean {
    const name = this.rawElement;
    const after = i + 2 + name.length;
    if (after >= end || this.source[i + 1] !== "/") return false;
    return this.source.slice(i + 2, after).toLowerCase() === name && /[\t\n\f\r />]/.test(this.source[after]!);
  }

  /** Reads one character: how many characters it consumed (0: read it again in the new state; more: lookahead). */
  private step(c: string, i: number, end: number): number {
    switch (this.state) {
      case "data":
        if (c === "<") this.state = "tagOpen";
        return 1;
      case "plainText":
        return 1;
      case "rawText":
        if (c === "<" && this.closesRawText(i, end)) {
          this.state = "endTagOpen";
          this.codeElement = null;
        }
        return 1;
      case "tagOpen":
        if (c === "!") {
          if (this.source.startsWith("--", i + 1) && i + 2 < end) {
            this.state = "comment";
            this.dashes = 0;
            this.commentStart = true;
            return 3;
          }
          this.state = "bogusComment";
          return 1;
        }
        if (c === "/") {
          this.state = "endTagOpen";
          return 1;
        }
        if (c === "?") {
          this.state = "bogusComment";
          return 1;
        }
        if (isLetter(c)) {
          this.startTag(false);
          return 0;
        }
        this.state = "data";
        return 0;
      case "endTagOpen":
        if (isLetter(c)) {
          this.startTag(true);
          return 0;
        }
        this.state = c === ">" ? "data" : "bogusComment";
        return 1;
      case "tagName":
        if (isSpace(c)) this.state = "beforeAttrName";
        else if (c === "/") this.state = "selfClosing";
        else if (c === ">") this.emitTag();
        else this.tag.name += c.toLowerCase();
        return 1;
      case "beforeAttrName":
        if (isSpace(c)) return 1;
        if (c === "/" || c === ">") {
          this.state = "afterAttrName";
          return 0;
        }
        this.startAttribute(i);
        if (c === "=") {
          // `=` first is part of the name
          this.attribute!.name += c;
          return 1;
        }
        return 0;
      case "attrName":
        if (isSpace(c) || c === "/" || c === ">") {
          this.state = "afterAttrName";
          return 0;
        }
        if (c === "=") this.state = "beforeAttrValue";
        else this.attribute!.name += c.toLowerCase();
        return 1;
      case "afterAttrName":
        if (isSpace(c)) return 1;
        if (c === "/") this.state = "selfClosing";
        else if (c === "=") this.state = "beforeAttrValue";
        else if (c === ">") this.emitTag();
        else {
          this.startAttribute(i);
          return 0;
        }
        return 1;
      case "beforeAttrValue":
        if (isSpace(c)) return 1;
        if (c === '"') this.startValue(i + 1, "valueDouble");
        else if (c === "'") this.startValue(i + 1, "valueSingle");
        else if (c === ">") this.emitTag();
        else {
          this.startValue(i, "valueUnquoted");
          return 0;
        }
        return 1;
      case "valueDouble":
      case "valueSingle":
        if (c === (this.state === "valueDouble" ? '"' : "'")) this.state = "afterValueQuoted";
        else this.appendToValue(c);
        return 1;
      case "valueUnquoted":
        if (isSpace(c)) this.state = "beforeAttrName";
        else if (c === ">") this.emitTag();
        else this.appendToValue(c);
        return 1;
      case "afterValueQuoted":
        if (isSpace(c)) this.state = "beforeAttrName";
        else if (c === "/") this.state = "selfClosing";
        else if (c === ">") this.emitTag();
        else {
          this.state = "beforeAttrName";
          return 0;
        }
        return 1;
      case "selfClosing":
        if (c === ">") {
          this.tag.selfClosing = true;
          this.emitTag();
          return 1;
        }
        this.state = "beforeAttrName";
        return 0;
      case "comment":
        return this.commentStep(c, i, end);
      case "bogusComment":
        if (c === ">") this.state = "data";
        return 1;
    }
  }

  /** A comment ends at `-->`, `--!>`, or at once as `<!-->` or `<!--->`. */
  private commentStep(c: string, i: number, end: number): number {
    if (c === ">" && (this.dashes >= 2 || this.commentStart)) {
      this.state = "data";
      return 1;
    }
    if (c === "!" && this.dashes >= 2 && this.source[i + 1] === ">" && i + 1 < end) {
      this.state = "data";
      return 2;
    }
    this.dashes = c === "-" ? this.dashes + 1 : 0;
    if (c !== "-") this.commentStart = false;
    else if (this.dashes > 1) this.commentStart = false;
    return 1;
  }
}
