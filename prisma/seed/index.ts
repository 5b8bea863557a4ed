// CLI: seeds the demo workspace once.
//   tsx prisma/seed/index.ts [--profiles 5000] [--days 90] [--seed 42]
// Reads DATABASE_URL (required) and optionally DEMO_WRITE_KEY / DEMO_CLIENT_KEY.
import { parseArgs } from "node:util";
import { z } from "zod";
import { config, ConfigError, type Config } from "@/lib/config/config";
import { seedDemo } from "./demo";
import { createProgressBar } from "./progress";

const flagsSchema = z.object({
  profiles: z.coerce.number().int().min(1).max(2_000_000).default(5_000),
  days: z.coerce.number().int().min(1).max(730).default(90),
  seed: z.coerce.number().int().min(0).max(4_294_967_295).default(42),
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
  let env: Config;
  try {
    env = config();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    fail(error.problems.join("; "));
  }
  if (!env.DATABASE_URL) fail("DATABASE_URL is required (postgresql://user:pass@host:port/db)");

  const bar = createProgressBar();
  const startedAt = Date.now();
  const result = await seedDemo({
    databaseUrl: env.DATABASE_URL,
    ...flags.data,
    writeKey: env.DEMO_WRITE_KEY,
    clientKey: env.DEMO_CLIENT_KEY,
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
  console.log(`Identity secret (signs user ids on your server): ${result.identitySecret}`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exitCode = 1;
});
