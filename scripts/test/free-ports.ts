// Whether the browser tests' servers can listen where playwright.config.ts
// puts them, checked before Playwright starts them: a taken port otherwise
// shows up as a server that did not start, or as Playwright's "already used"
// without a word about E2E_PORT.
import { createServer } from "node:net";

/** Why nothing can listen on `port` (all interfaces, as the servers do), or null when it is free. */
export function portProblem(port: number): Promise<string | null> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once("error", (error: NodeJS.ErrnoException) =>
      resolve(error.code === "EADDRINUSE" ? "in use" : (error.code ?? error.message)),
    );
    try {
      server.listen({ port, exclusive: true }, () => server.close(() => resolve(null)));
    } catch (error) {
      resolve(error instanceof Error ? error.message : String(error)); // not a port number
    }
  });
}

/**
 * The message to fail with when the e2e ports are not free: the app's
 * `port` (E2E_PORT), the decision server's `port + 1` and the demo
 * storefront's `port + 2`; null when all are.
 */
export async function e2ePortsProblem(port: number): Promise<string | null> {
  if (!Number.isInteger(port) || port < 1 || port > 65_533) return `E2E_PORT ${port} is not a port number (1–65533)`;
  const [app, decisions, store] = await Promise.all([portProblem(port), portProblem(port + 1), portProblem(port + 2)]);
  if (!app && !decisions && !store) return null;
  const why = [
    app && `port ${port}, the app's: ${app}`,
    decisions && `port ${port + 1}, the decision server's (E2E_PORT+1): ${decisions}`,
    store && `port ${port + 2}, the demo storefront's (E2E_PORT+2): ${store}`,
  ].filter(Boolean);
  return `E2E_PORT ${port} is taken (${why.join("; ")}): set E2E_PORT to a free port`;
}
