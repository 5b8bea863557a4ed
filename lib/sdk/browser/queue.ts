// The event queue: messages wait up to FLUSH_MS (or until FLUSH_AT of them)
// and go to /api/v1/batch together; by sendBeacon when the page is going away.
import { config, post } from "./config";
import { SDK_VERSION } from "./constants";
import { pageContext } from "./context";
import { anonymousId, idSent, userHash, userId } from "./ids";
import type { PageContext, Properties } from "./types";
import { uuid } from "./uuid";

const FLUSH_MS = 2000;
const FLUSH_AT = 20; // messages; also the most sent in one request
const MAX_RETRIES = 3;
// A CORS-safelisted type: no preflight, and the only kind sendBeacon can send
// cross-origin. The server parses the body as JSON whatever its type.
const TEXT = "text/plain;charset=UTF-8";

type EventContext = PageContext & {
  page: { url: string; path: string; referrer: string; title: string };
  library: { name: string; version: string };
};
export type Message = {
  type: "track" | "page" | "identify";
  anonymousId: string | null;
  context: EventContext;
  messageId: string;
  timestamp: string;
  userId?: string;
  userHash?: string;
  event?: string;
  name?: string;
  properties?: Properties;
  traits?: Properties;
};
/** What a call adds to the message's common fields. */
export type MessageFields = Pick<Message, "event" | "name" | "properties" | "traits">;

const queue: Message[] = []; // event messages not sent yet
let timer: ReturnType<typeof setTimeout> | undefined;

/** Queues one message, stamped with the ids, the page and a messageId. */
export function enqueue(type: Message["type"], fields: MessageFields): void {
  const context = pageContext() as EventContext;
  context.page = { url: context.url, path: context.path, referrer: context.referrer, title: document.title };
  context.library = { name: "personalize.js", version: SDK_VERSION };
  const message: Message = Object.assign(
    { type, anonymousId, context, messageId: uuid(), timestamp: new Date().toISOString() },
    fields,
  );
  if (userId) message.userId = userId;
  if (userId && userHash) message.userHash = userHash;
  queue.push(message);
  if (queue.length >= FLUSH_AT) flush();
  else if (!timer) timer = setTimeout(flush, FLUSH_MS);
}

/** Sends every queued message now; by sendBeacon when the page is going away. */
export function flush(beacon?: boolean): void {
  if (queue.length) idSent();
  clearTimeout(timer);
  timer = undefined;
  while (queue.length) send(queue.splice(0, FLUSH_AT), beacon === true, 0);
}

function send(batch: Message[], beacon: boolean, attempt: number): void {
  const url = config!.host + "/api/v1/batch";
  // sendBeacon cannot set headers, so the key travels in the body as writeKey.
  const body = JSON.stringify({ writeKey: config!.key, batch, sentAt: new Date().toISOString() });
  const nav: Partial<Navigator> = window.navigator;
  try {
    if (beacon && nav.sendBeacon && nav.sendBeacon(url, new Blob([body], { type: TEXT }))) return;
  } catch {
    // fall back to fetch below
  }
  function retry() {
    // messageId lets the server drop a copy it already stored.
    if (attempt < MAX_RETRIES) setTimeout(() => send(batch, false, attempt + 1), FLUSH_MS << attempt);
  }
  post("/api/v1/batch", body, { keepalive: true, headers: { "content-type": TEXT } }).then((res) => {
    if (res.status >= 500 || res.status === 429) retry();
  }, retry);
}
