/** Tells the developer what went wrong; the SDK never throws into the page instead. */
export function warn(message: string): void {
  if (window.console) window.console.warn("[personalize] " + message);
}
