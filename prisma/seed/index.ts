// CLI: seeds the demo workspace once.
//   tsx prisma/seed/index.ts [--profiles 5000] [--days 90] [--seed 42]
// Reads DATABASE_URL (required) and optionally DEMO_WRITE_KEY / DEMO_CLIENT_KEY.
import { parseArgs } from "node:util";
import { z } from "zod";
import { seedDemo } from "./demo";
import { createProgressBar } from "./progress";

const flagsSchema = z.object({
  profiles: z.coerce.number().int().min(1).max(2_000_000).default(5_000),
  days: z.coerce.number().int().min(1).max(730).default(90),
  seed: z.coerce.number().int().min(0).max(4_294_967_295).default(42),
});

const envSchema = z.object({
  DATABASE_URL: z
    .string({ error: "DATABASE_URL is required (postgresql://user:pass@host:port/db)" })
    .min(1, "DATABASE_URL is empty"),
  DEMO_WRITE_KEY: z.string().startsWith("wk_", "DEMO_WRITE_KEY must be a write key (wk_...)").max(200).optional(),
  DEMO_CLIENT_KEY: z.string().startsWith("ck_", "DEMO_CLIENT_KEY must be a client key (ck_...)").max(200).optional(),
});

function fail(message: string): never {
  console.error(`seed: ${message}`);
  process.exit(1);
}

async function main(): Promise<void> {
  let values: Record<string, unknown>;
  try {
    ({ values } = parseArgs({
      options: { profiles: { type: "string" }, days: { type: "string" }, seed: { type: "string" } },
    }));
  } catch (error) {
    fail(`${error instanceof Error ? error.message : String(error)}; usage: [--profiles 5000] [--days 90] [--seed 42]`);
  }
  const flags = flagsSchema.safeParse(values);
  if (!flags.success) fail(flags.error.issues.map((i) => `--${i.path.join(".")}: ${i.message}`).join("; "));
  const env = envSchema.safeParse(process.env);
  if (!env.success) fail(env.error.issues.map((i) => i.message).join("; "));

  const bar = createProgressBar();
  const startedAt = Date.now();
  const result = await seedDemo({
    databaseUrl: env.data.DATABASE_URL,
    ...flags.data,
    writeKey: env.data.DEMO_WRITE_KEY,
    clientKey: env.data.DEMO_CLIENT_KEY,
    onProgress: bar,
  });
  bar.finish();
  if (!result.created) {
    console.log(`demo workspace already exists (slug "${result.workspaceSlug}"): nothing seeded`);
    return;
  }
  console.log(
    `Seeded workspace "${result.workspaceName}" (slug "${result.workspaceSlug}") in ${((Date.now() - startedAt) / 1000).toFixed(1)}s`,
  );
  console.log("Users:");
  for (const u of result.users) console.log(`  ${u.role.padEnd(7)} ${u.email.padEnd(18)} password: ${u.password}`);
  console.log("API keys (shown once, only their hashes are stored):");
  console.log(`  write  ${result.writeKey}`);
  console.log(`  client ${result.clientKey}`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exitCode = 1;
});
