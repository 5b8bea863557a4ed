// The calls that record what the visitor does: each queues one message.
import { forgetVisitor, rememberUser } from "./ids";
import { enqueue, type MessageFields } from "./queue";
import type { Properties } from "./types";

export function track(event: string, properties?: Properties): void {
  enqueue("track", { event, properties: properties || {} });
}

/** A page view, with the page's url, path, search, referrer and title as properties. */
export function page(name?: string | Properties | null, properties?: Properties): void {
  if (typeof name === "object" && name) {
    properties = name;
    name = undefined;
  }
  const loc = window.location;
  const fields: MessageFields = {
    properties: Object.assign(
      {
        url: loc.href,
        path: loc.pathname,
        search: loc.search,
        referrer: document.referrer || "",
        title: document.title,
      },
      properties,
    ),
  };
  if (name) fields.name = name;
  enqueue("page", fields);
}

/** Remembers the user (localStorage pz_uid) and sends an identify; nothing else. */
export function identify(
  id?: string | number | Properties | null,
  traits?: Properties,
  options?: { userHash?: string },
): void {
  if (typeof id === "object" && id) {
    traits = id;
    id = null;
  }
  if (id != null && id !== "") rememberUser(String(id), options && options.userHash);
  enqueue("identify", { traits: traits || {} });
}

/** Forgets the user and starts a new anonymous id (for a log-out). */
export function reset(): void {
  forgetVisitor();
}
