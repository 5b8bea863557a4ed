import type { SignalName, Signals } from "./signals";

type Handler<N extends SignalName> = (payload: Signals[N]) => void | Promise<void>;
type Subscribers = { [N in SignalName]?: Map<string, Handler<N>> };

// One bus per process: Next bundles route handlers, server actions and instrumentation separately, each with its
// own module instances, so subscribers registered at start must be found by a publish from any of them.
const globalForBus = globalThis as unknown as { signalSubscribers?: Subscribers };
const subscribers = (globalForBus.signalSubscribers ??= {});

function report(name: SignalName, subscriber: string, error: unknown): void {
  console.error(`[signals] ${subscriber} failed on ${name}:`, error instanceof Error ? error.message : error);
}

/**
 * Subscribes `handler` to a signal under a name (a second subscription under
 * the same name replaces the first, so registering twice is harmless).
 * Returns the unsubscribe.
 */
export function subscribe<N extends SignalName>(name: N, subscriber: string, handler: Handler<N>): () => void {
  const map = (subscribers[name] ??= new Map()) as Map<string, Handler<N>>;
  map.set(subscriber, handler);
  return () => {
    if (map.get(subscriber) === handler) map.delete(subscriber);
  };
}

/**
 * Delivers a signal to every subscriber, synchronously, in the order they
 * subscribed. A subscriber that throws, or whose promise rejects, is logged
 * and does not stop the others or the publisher: what happened has
 * happened, and a listener's trouble is its own. Asynchronous work of a
 * subscriber is not awaited.
 */
export function publish<N extends SignalName>(name: N, payload: Signals[N]): void {
  const map = subscribers[name] as Map<string, Handler<N>> | undefined;
  if (!map) return;
  for (const [subscriber, handler] of map) {
    try {
      const result = handler(payload);
      if (result instanceof Promise) result.catch((error: unknown) => report(name, subscriber, error));
    } catch (error) {
      report(name, subscriber, error);
    }
  }
}
