// Prisma CLI configuration: the schema engine runs as WebAssembly over the pg
// driver adapter, so no engine binary is downloaded (see ../shared/STACK.md).
// Two faults of that path are mended here: Postgres "name" and "char" columns
// that adapter-pg 6.19 cannot map (prisma/orm#27403), and a shadow database
// that must be a real, separate database for `migrate dev`.
import { randomBytes } from "node:crypto";
import path from "node:path";
import { defineConfig } from "prisma/config";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";

const TEXT_OID = 25;
const UNMAPPED_OIDS = new Set([18, 19]); // "char", name

type QueryResultLike = { fields?: { dataTypeID: number }[] };

function reportUnmappedAsText(result: unknown): void {
  for (const field of (result as QueryResultLike | undefined)?.fields ?? []) {
    if (UNMAPPED_OIDS.has(field.dataTypeID)) field.dataTypeID = TEXT_OID;
  }
}

/** A pg pool whose clients never report the oids adapter-pg cannot map. */
function introspectionSafePool(config: pg.PoolConfig): pg.Pool {
  const pool = new pg.Pool({ ...config, allowExitOnIdle: true });
  pool.on("connect", (client) => {
    const query = client.query.bind(client) as (...args: unknown[]) => unknown;
    client.query = ((...args: unknown[]) => {
      const callback = args.at(-1);
      if (typeof callback === "function") {
        // pg.Pool#query calls clients in callback form
        args[args.length - 1] = (error: unknown, result: unknown) => (
          reportUnmappedAsText(result),
          callback(error, result)
        );
        return query(...args);
      }
      const result = query(...args);
      return result instanceof Promise ? result.then((r) => (reportUnmappedAsText(r), r)) : result;
    }) as typeof client.query;
  });
  return pool;
}

function databaseUrl(): string {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set (npm start or npm test sets it for the embedded Postgres)");
  return url;
}

/** The adapter-pg factory with a shadow database that is really separate. */
class CliAdapterFactory extends PrismaPg {
  constructor(private readonly url: string) {
    super(introspectionSafePool({ connectionString: url, max: 4 }));
  }

  async connectToShadowDb() {
    const name = `prisma_shadow_${randomBytes(6).toString("hex")}`;
    const admin = new pg.Client({ connectionString: this.url });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${name}"`);
    await admin.end();
    const shadowUrl = new URL(this.url);
    shadowUrl.pathname = `/${name}`;
    const pool = introspectionSafePool({ connectionString: shadowUrl.toString(), max: 2 });
    const adapter = await new PrismaPg(pool).connect();
    const dispose = adapter.dispose.bind(adapter);
    adapter.dispose = async () => {
      await dispose();
      await pool.end().catch(() => undefined);
      const cleanup = new pg.Client({ connectionString: this.url });
      await cleanup.connect();
      await cleanup.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await cleanup.end();
    };
    return adapter;
  }
}

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join("prisma", "schema.prisma"),
  migrations: { path: path.join("prisma", "migrations") },
  async adapter() {
    return new CliAdapterFactory(databaseUrl());
  },
});
