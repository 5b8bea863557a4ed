import { parseArgs } from "node:util";
import { z } from "zod";

const envSchema = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  /** The decision server's port; "off" starts none beside the app. */
  DECIDE_PORT: z.union([z.literal("off"), z.coerce.number().int().min(1).max(65535)]).default(3001),
  DEMO_PROFILES: z.coerce.number().int().min(1).max(2_000_000).default(5000),
  DEMO_DAYS: z.coerce.number().int().min(1).max(730).default(90),
  DEMO_SEED: z.coerce.number().int().default(42),
  DEMO_WRITE_KEY: z.string().min(16).max(200).optional(),
  DEMO_CLIENT_KEY: z.string().min(16).max(200).optional(),
});

/** The start command's settings: environment (zod-checked) and flags. */
export function startOptions(argv = process.argv.slice(2)) {
  const { values } = parseArgs({
    args: argv,
    options: {
      dev: { type: "boolean", default: false },
      "data-dir": { type: "string", default: ".data/postgres" },
      fresh: { type: "boolean", default: false },
    },
  });
  const env = envSchema.safeParse(process.env);
  if (!env.success) {
    const reasons = env.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`).join("\n");
    throw new Error(`Invalid environment:\n${reasons}`);
  }
  return {
    dev: values.dev ?? false,
    dataDir: values["data-dir"] ?? ".data/postgres",
    fresh: values.fresh ?? false,
    ...env.data,
  };
}

export type StartOptions = ReturnType<typeof startOptions>;
