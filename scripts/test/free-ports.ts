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
 * `port` (E2E_PORT) and the decision server's `port + 1`; null when both are.
 */
export async function e2ePortsProblem(port: number): Promise<string | null> {
  if (!Number.isInteger(port) || port < 1 || port > 65_534) return `E2E_PORT ${port} is not a port number (1–65534)`;
  const [app, decisions] = await Promise.all([portProblem(port), portProblem(port + 1)]);
  if (!app && !decisions) return null;
  const why = [
    app && `port ${port}, the app's: ${app}`,
    decisions && `port ${port + 1}, the decision server's (E2E_PORT+1): ${decisions}`,
  ].filter(Boolean);
  return `E2E_PORT ${port} is taken (${why.join("; ")}): set E2E_PORT to a free port`;
}
