/** Workspace roles, weakest first; a role can do everything the ones before it can. */
export const ROLES = ["viewer", "editor", "admin"] as const;
export type Role = (typeof ROLES)[number];

/** True when `role` is at least `required` (admin ⊇ editor ⊇ viewer). */
export function hasRole(role: Role, required: Role): boolean {
  return ROLES.indexOf(role) >= ROLES.indexOf(required);
}

/** What each role may do, in the words shown in the dashboard. */
export const ROLE_DESCRIPTIONS: Record<Role, string> = {
  viewer: "Sees everything, changes nothing",
  editor: "Builds segments, content and experiments",
  admin: "Also manages members, API keys and settings",
};
