import { describe, expect, it } from "vitest";
import { readableMessage } from "./errors";
import { positionAt } from "./positions";

describe("positionAt", () => {
  it("counts lines and columns from 1", () => {
    const source = "ab\ncd\n\nef";
    expect(positionAt(source, 0)).toEqual({ line: 1, column: 1 });
    expect(positionAt(source, 2)).toEqual({ line: 1, column: 3 });
    expect(positionAt(source, 3)).toEqual({ line: 2, column: 1 });
    expect(positionAt(source, 7)).toEqual({ line: 4, column: 1 });
    expect(positionAt(source, 99)).toEqual({ line: 4, column: 3 });
  });
});

describe("readableMessage", () => {
  it("says liquidjs's messages in a marketer's words, without positions", () => {
    expect(readableMessage("undefined filter: moneyy, line:2, col:5")).toBe("Unknown filter 'moneyy'");
    expect(readableMessage("tag {% if computed.orders > 2 %} not closed")).toBe("Tag 'if' was not closed");
    expect(readableMessage('tag "endfor" not found')).toBe("Tag 'endfor' has no opening 'for'");
    expect(readableMessage('tag "else" not found')).toBe("Tag 'else' is outside of an 'if', 'unless', 'case' or 'for'");
    expect(readableMessage('tag "shout" not found')).toBe("Unknown tag 'shout'");
    expect(readableMessage("illegal tag: {% for x %}")).toBe("Tag 'for' is not valid: {% for x %}");
    expect(readableMessage("memory alloc limit exceeded, line:1, col:1")).toMatch(/too large a loop/);
  });

  it("keeps other messages, capitalized", () => {
    expect(readableMessage("something odd")).toBe("Something odd");
    expect(readableMessage("")).toBe("The template could not be read");
  });
});
