import { mkdtempSync, rmSync, statSync, readFileSync, unlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { passwordFileOf, startEmbeddedPostgres } from "./embedded-postgres";

const root = mkdtempSync(path.join(tmpdir(), "embedded-pg-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const canConnect = async (url: string) => {
  const client = new pg.Client({ connectionString: url });
  try {
    await client.connect();
    await client.end();
    return true;
  } catch {
    return false;
  }
};
const withPassword = (url: string, password: string) => {
  const u = new URL(url);
  u.password = password;
  return u.href;
};

describe("the embedded Postgres", () => {
  it("has a generated password, kept beside its data for its owner only, and no published one", async () => {
    const dir = path.join(root, "data");
    const server = await startEmbeddedPostgres(dir, () => {}, { durable: false });
    try {
      const file = passwordFileOf(path.resolve(dir));
      expect(statSync(file).mode & 0o777).toBe(0o600);
      const password = readFileSync(file, "utf8").trim();
      expect(password).toMatch(/^[A-Za-z0-9_-]{32}$/);
      expect(await canConnect(server.serverUrl)).toBe(true);
      expect(await canConnect(withPassword(server.serverUrl, "postgres"))).toBe(false);
    } finally {
      await server.stop();
    }
    const again = await startEmbeddedPostgres(dir, () => {}, { durable: false });
    try {
      expect(await canConnect(again.serverUrl)).toBe(true); // the same password, read back
    } finally {
      await again.stop();
    }
  }, 60_000);

  it("gives a data directory made with the old default password a generated one at its next start", async () => {
    const dir = path.join(root, "legacy");
    const first = await startEmbeddedPostgres(dir, () => {}, { durable: false });
    const client = new pg.Client({ connectionString: first.serverUrl });
    await client.connect();
    await client.query("ALTER ROLE postgres PASSWORD 'postgres'");
    await client.end();
    await first.stop();
    unlinkSync(passwordFileOf(path.resolve(dir)));

    const upgraded = await startEmbeddedPostgres(dir, () => {}, { durable: false });
    try {
      expect(await canConnect(upgraded.serverUrl)).toBe(true);
      expect(await canConnect(withPassword(upgraded.serverUrl, "postgres"))).toBe(false);
    } finally {
      await upgraded.stop();
    }
  }, 90_000);
});
