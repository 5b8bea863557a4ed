// Next.js calls register() once per server process at start: background
// schedules and the shutdown flush live here.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { intervalMinutes, schedulePeriodic } = await import("@/lib/jobs/periodic");
  const rfm = intervalMinutes(process.env.RFM_INTERVAL_MINUTES, 60);
  if (rfm) {
    const { recomputeAllRfm } = await import("@/lib/profiles/rfm-schedule");
    schedulePeriodic("rfm", rfm, recomputeAllRfm);
  }
  const segments = intervalMinutes(process.env.SEGMENTS_INTERVAL_MINUTES, 15);
  if (segments) {
    const { recomputeAllSegments } = await import("@/lib/segments/queries/schedule");
    schedulePeriodic("segments", segments, recomputeAllSegments);
  }
  if (process.env.NEXT_MANUAL_SIG_HANDLE) {
    const { flushOnSignals } = await import("@/lib/jobs/shutdown");
    flushOnSignals();
  }
}
