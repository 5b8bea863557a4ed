import pg from "pg";
const c = new pg.Client({ connectionString: process.env.PGURL });
await c.connect();
for (const sql of process.argv.slice(2)) {
  const t = performance.now();
  const r = await c.query(sql);
  console.log(`${(performance.now() - t).toFixed(0)} ms`, JSON.stringify(r.rows.slice(0, 30)));
}
await c.end();
