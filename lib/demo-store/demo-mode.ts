/**
 * Whether the demo is on: its seeded workspace, its accounts with published
 * passwords, its keyless storefront. `auto` is on, except for a production
 * deployment against its own database (`NODE_ENV=production` with
 * `DATABASE_URL` set): a real installation never has published passwords or a
 * keyless way to write events unless asked (`DEMO_MODE=on`). Pure.
 */
export function demoModeOn(
  mode: "auto" | "on" | "off",
  environment: { production: boolean; ownDatabase: boolean },
): boolean {
  if (mode !== "auto") return mode === "on";
  return !(environment.production && environment.ownDatabase);
}
