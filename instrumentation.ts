// Next.js calls register() once per server process at start: background schedules live here.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const minutes = Number(process.env.RFM_INTERVAL_MINUTES ?? 60);
  if (!Number.isFinite(minutes) || minutes <= 0) return;
  const { scheduleRfm } = await import("@/lib/profiles/rfm-schedule");
  scheduleRfm(minutes);
}
