// Next.js calls register() once per server process at start: background
// signal subscribers, background schedules and the shutdown flush live here.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { registerSubscribers } = await import("@/server/subscribers");
  registerSubscribers();
  const { intervalMinutes, schedulePeriodic } = await import("@/lib/jobs/periodic");
  const rfm = intervalMinutes(process.env.RFM_INTERVAL_MINUTES, 60);
  if (rfm) {
    const { recomputeAllRfm } = await import("@/lib/profiles/runtime/rfm-schedule");
    schedulePeriodic("rfm", rfm, recomputeAllRfm);
  }
  const segments = intervalMinutes(process.env.SEGMENTS_INTERVAL_MINUTES, 15);
  if (segments) {
    const { recomputeAllSegments } = await import("@/lib/segments/runtime/schedule");
    schedulePeriodic("segments", segments, recomputeAllSegments);
  }
  if (process.env.NEXT_MANUAL_SIG_HANDLE) {
    const { flushOnSignals } = await import("@/lib/jobs/shutdown");
    flushOnSignals();
  }
}
