/**
 * The headers every page of the app (the dashboard and the demo store) is
 * sent with. The Content-Security-Policy lets scripts run only with this
 * response's nonce (Next.js puts it on its own scripts) and what they load
 * ('strict-dynamic'), so markup that marketer content or a trait smuggles
 * into a page, `<img onerror=…>` or `<script>`, does not run: no inline
 * handler, no `javascript:` URL, no script from elsewhere. Styles may be
 * inline (React and Radix set style attributes); images may come from any
 * https origin (content links to a CDN). No page may be framed
 * (`frame-ancestors 'none'`, and X-Frame-Options for older browsers). Pure.
 */
export function securityHeaders(nonce: string, options: { dev?: boolean } = {}): Record<string, string> {
  const policy = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${options.dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob: https:",
    "font-src 'self' data:",
    `connect-src 'self'${options.dev ? " ws:" : ""}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
  return {
    "Content-Security-Policy": policy,
    "X-Frame-Options": "DENY",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
  };
}

/** A fresh nonce: 128 random bits, base64. */
export function newNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}
