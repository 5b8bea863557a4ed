import pg from "pg";
import { decideEndpoint } from "../../lib/decide/queries/decide-endpoint";
const db = new pg.Client({ connectionString: process.env.DATABASE_URL });
await db.connect();
const ids = async (type: string) => (await db.query<{ value: string }>(`SELECT value FROM identities i WHERE i.type = $1 ORDER BY i.value LIMIT 500`, [type])).rows.map((r) => r.value);
const users = await ids("user_id"); const anonymous = await ids("anonymous_id");
const keys = (await db.query<{ key: string }>(`SELECT key FROM placements ORDER BY key`)).rows.map((r) => r.key);
await db.end();
let n = 0;
const body = () => { n += 1; const who = n % 2 === 0 ? { userId: users[n % users.length] } : n % 4 === 1 ? { anonymousId: anonymous[n % anonymous.length] } : { anonymousId: `bench-new-${n}`, newVisitor: true };
  return JSON.stringify({ ...who, placements: keys, context: { url: "http://localhost/demo-store", userAgent: "Mozilla/5.0 (iPhone) Mobile" } }); };
const headers: Record<string, string> = { authorization: "Bearer ck_benchDecideKey00000000000000000000", "content-type": "application/json" };
const call = async () => { const text = body(); const r = await decideEndpoint({ method: "POST", url: "http://localhost/v1/decide", header: (h) => headers[h] ?? null, text: async () => text }); JSON.stringify(r.body); return r; };
for (let i = 0; i < 3000; i++) await call(); // warm: caches filled
const N = Number(process.env.N ?? 20000); const t = performance.now();
for (let i = 0; i < N; i++) { await call(); if (i % 2000 === 0) await new Promise((r) => setImmediate(r)); }
console.log(`${((performance.now() - t) * 1000 / N).toFixed(1)} µs per decide call (in process, no HTTP)`);
process.exit(0);
