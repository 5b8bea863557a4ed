import { parseArgs } from "node:util";
import { z } from "zod";

const flagsSchema = z.object({
  events: z.coerce.number().int().min(1).max(5_000_000).default(200_000),
  clients: z.coerce.number().int().min(1).max(64).default(4),
  batch: z.coerce.number().int().min(1).max(2_500).default(500),
  /** time: one stream in event-time order (as a storefront's server sends); profile: each profile's events together. */
  order: z.enum(["time", "profile"]).default("time"),
  seed: z.coerce.number().int().min(0).max(4_294_967_295).default(4_242),
  port: z.coerce.number().int().min(1).max(65_535).default(3_200),
});

export type BenchOptions = z.output<typeof flagsSchema>;

const USAGE =
  "usage: npm run bench:ingest -- [--events 200000] [--clients 4] [--batch 500] [--order time|profile] [--seed 4242] [--port 3200]";

/** The benchmark's flags, zod-checked; exits with the usage line on bad input. */
export function benchOptions(argv = process.argv.slice(2)): BenchOptions {
  let values: Record<string, unknown>;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: Object.fromEntries(
        ["events", "clients", "batch", "order", "seed", "port"].map((name) => [name, { type: "string" as const }]),
      ),
    }));
  } catch (error) {
    console.error(`bench:ingest: ${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
    process.exit(2);
  }
  const parsed = flagsSchema.safeParse(values);
  if (!parsed.success) {
    console.error(
      `bench:ingest: ${parsed.error.issues.map((i) => `--${i.path.join(".")}: ${i.message}`).join("; ")}\n${USAGE}`,
    );
    process.exit(2);
  }
  return parsed.data;
}
