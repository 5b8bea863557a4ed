import { pgPool } from "@/lib/db/pg-pool";
import { subscribe } from "@/lib/signals/bus";
import { KEYS_CHANNEL } from "../keys-channel";
import { clearKeyCache } from "./key-cache";

/**
 * A change to keys (revocation, allowed origins, identity secrets) empties
 * this process's key cache at once, and every other process's by NOTIFY,
 * relayed here after the commit (a notice lost to a crash in between heals
 * within the cache's few seconds of lifetime).
 */
export function subscribeApiKeys(): void {
  subscribe("keysChanged", "api-keys.key-cache", () => clearKeyCache());
  subscribe("keysChanged", "api-keys.notify", async () => {
    await pgPool().query("SELECT pg_notify($1, '')", [KEYS_CHANNEL]);
  });
}
