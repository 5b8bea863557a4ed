import { subscribe } from "@/lib/signals/bus";
import { configChanged } from "./snapshot-store";
import { forgetVisitors } from "./visitor-cache";

/** Decisions forget cached visitors whose events arrived, and rebuild a snapshot whose configuration changed. */
export function subscribeDecide(): void {
  subscribe("eventsStored", "decide.visitor-cache", ({ workspaceId, visitors }) =>
    forgetVisitors(workspaceId, visitors),
  );
  subscribe("eventsBuffered", "decide.visitor-cache", ({ workspaceId, visitors }) =>
    forgetVisitors(workspaceId, visitors),
  );
  subscribe("configChanged", "decide.snapshot-store", ({ workspaceId, version }) =>
    configChanged(workspaceId, version),
  );
}
