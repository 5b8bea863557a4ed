import { subscribe } from "@/lib/signals/bus";
import { clearKeyCache } from "./key-cache";

/** A change to keys or allowed origins empties this process's key cache at once (other processes hear NOTIFY). */
export function subscribeApiKeys(): void {
  subscribe("keysChanged", "api-keys.key-cache", () => clearKeyCache());
}
