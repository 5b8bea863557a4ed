type DemoInfo = {
  created: boolean;
  workspaceName: string;
  writeKey?: string;
  clientKey?: string;
  identitySecret?: string;
  users: { email: string; password: string; role: string }[];
};

/** What the start command prints once the app answers: where it is, how to sign in, which keys to use. */
export function printBanner(
  url: string,
  database: { embedded: boolean },
  demo: DemoInfo | null,
  { decisionUrl = null, storeUrl = null }: { decisionUrl?: string | null; storeUrl?: string | null } = {},
): void {
  if (!demo) {
    console.log(
      [
        "",
        `  Personalize is running at ${url}`,
        ...(decisionUrl ? [`  Decision server (storefront traffic): ${decisionUrl}/v1/decide`] : []),
        "  Demo mode is off: no demo workspace or accounts (DEMO_MODE=on to have them).",
        "",
      ].join("\n"),
    );
    return;
  }
  const lines = [
    "",
    `  Personalize is running at ${url}`,
    ...(decisionUrl ? [`  Decision server (storefront traffic): ${decisionUrl}/v1/decide`] : []),
    ...(storeUrl ? [`  Demo storefront (its own origin): ${storeUrl}`] : []),
    `  Database: ${database.embedded ? "embedded PostgreSQL (data in .data/)" : "DATABASE_URL"}`,
    "",
    `  Demo workspace "${demo.workspaceName}" — sign in as:`,
    ...demo.users.map((u) => `    ${u.role.padEnd(7)} ${u.email.padEnd(22)} password: ${u.password}`),
    "",
  ];
  if (demo.writeKey && demo.clientKey) {
    lines.push(
      `  Write key (server-side ingest): ${demo.writeKey}`,
      `  Client key (browser, decide):   ${demo.clientKey}`,
      ...(demo.identitySecret ? [`  Identity secret (signs user ids on your server): ${demo.identitySecret}`] : []),
    );
  } else {
    lines.push(
      "  API keys: shown only when created (first start); create new ones in Settings → API keys,",
      "  or set DEMO_WRITE_KEY / DEMO_CLIENT_KEY before the first start.",
    );
  }
  console.log(`${lines.join("\n")}\n`);
}
