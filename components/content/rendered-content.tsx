"use client";

import type { ContentType } from "@/lib/content/template";

/** The text a browser would show for some HTML, without running or loading anything (DOMParser documents are inert). */
function textOf(html: string): string {
  if (typeof DOMParser === "undefined") return html;
  return new DOMParser().parseFromString(html, "text/html").body.textContent ?? "";
}

/**
 * The content as served. HTML goes into a sandboxed iframe (no scripts, no
 * same origin): content is the marketer's, but it must not act on the
 * dashboard. Its text is repeated, visually hidden, for screen readers and tests.
 */
export function RenderedContent({ content, contentType }: { content: string; contentType: ContentType }) {
  return (
    <div data-testid="preview-content" className="overflow-hidden rounded-md border border-gray-200 bg-white">
      {contentType === "html" ? (
        <>
          <iframe sandbox="" srcDoc={content} title="Rendered content" className="block h-[200px] w-full" />
          <div data-testid="preview-text" className="sr-only">
            {textOf(content)}
          </div>
        </>
      ) : (
        <pre className="max-h-64 overflow-auto p-3 font-mono text-xs whitespace-pre-wrap text-gray-800">
          {contentType === "json" ? pretty(content) : content}
        </pre>
      )}
    </div>
  );
}

/** JSON content indented for reading; as served when it does not parse. */
function pretty(json: string): string {
  try {
    return JSON.stringify(JSON.parse(json), null, 2);
  } catch {
    return json;
  }
}
