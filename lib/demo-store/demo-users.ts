/** The demo's accounts. Their passwords are published (README, the start banner): never valid outside demo mode. */
export const DEMO_USERS = [
  { email: "admin@demo.test", name: "Ada Admin", password: "demo-admin-1", role: "admin" },
  { email: "editor@demo.test", name: "Eddie Editor", password: "demo-editor-1", role: "editor" },
  { email: "viewer@demo.test", name: "Vera Viewer", password: "demo-viewer-1", role: "viewer" },
] as const;

/** Passwords that anyone can read, refused at sign-in while demo mode is off. */
export const PUBLISHED_DEMO_PASSWORDS: ReadonlySet<string> = new Set(DEMO_USERS.map((u) => u.password));
