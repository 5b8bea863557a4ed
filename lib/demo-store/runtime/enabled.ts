import { config } from "@/lib/config/config";
import { demoModeOn } from "../demo-mode";

/** Whether this process runs the demo (DEMO_MODE; npm start passes what it resolved). */
export function demoMode(): boolean {
  const { DEMO_MODE, DATABASE_URL } = config();
  return demoModeOn(DEMO_MODE, { production: process.env.NODE_ENV === "production", ownDatabase: !!DATABASE_URL });
}

/** The demo storefront is on in demo mode unless DEMO_STORE=off (it writes events to the demo workspace without a key). */
export const demoStoreEnabled = () => config().DEMO_STORE === "on" && demoMode();
