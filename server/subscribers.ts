import { subscribeApiKeys } from "@/lib/api-keys/runtime/subscriptions";
import { subscribeDecide } from "@/lib/decide/runtime/subscriptions";
import { subscribeSegments } from "@/lib/segments/runtime/subscriptions";
import { subscribeWorkspaces } from "@/lib/workspaces/runtime/subscriptions";

/**
 * The composition root of signals: every domain that listens subscribes
 * here, once per process, at its start (instrumentation.ts for the app,
 * the decision server, the integration tests' setup). Subscribing twice is
 * harmless: a subscription replaces the one of the same name.
 */
export function registerSubscribers(): void {
  subscribeDecide();
  subscribeSegments();
  subscribeApiKeys();
  subscribeWorkspaces();
}
