// GET|POST /api/ping — answers at once, touching nothing: liveness of the process, and the empty-handler baseline of bench/decide
export const dynamic = "force-dynamic";

const pong = () => Response.json({ ok: true });
export const GET = pong;
export const POST = pong;
