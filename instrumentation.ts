// Next.js calls register() once per server process at start: background
// signal subscribers, background schedules and the shutdown flush live here.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  // first: a bad environment variable stops the app here, by name, before a module that reads it loads
  const { configOrExit } = await import("@/lib/config/config");
  const {
    RFM_INTERVAL_MINUTES: rfm,
    SEGMENTS_INTERVAL_MINUTES: segments,
    BANDIT_INTERVAL_MINUTES: bandits,
    ROLLUPS_INTERVAL_MINUTES: rollups,
  } = configOrExit("app");
  // every request gets the connection's own address, which a client cannot forge (lib/auth/client-address.ts)
  const { stampPeerAddresses } = await import("@/server/peer-address");
  stampPeerAddresses();
  const { registerSubscribers } = await import("@/server/subscribers");
  registerSubscribers();
  const { schedulePeriodic } = await import("@/lib/jobs/periodic");
  if (rfm) {
    const { recomputeAllRfm } = await import("@/lib/profiles/runtime/rfm-schedule");
    schedulePeriodic("rfm", rfm, recomputeAllRfm);
  }
  if (segments) {
    const { recomputeAllSegments } = await import("@/lib/segments/runtime/schedule");
    schedulePeriodic("segments", segments, recomputeAllSegments);
  }
  if (bandits) {
    const { reweighAllBandits } = await import("@/lib/results/runtime/bandit-schedule");
    schedulePeriodic("bandits", bandits, reweighAllBandits);
  }
  if (rollups) {
    const { refreshAllRollups } = await import("@/lib/analytics/runtime/rollup-job");
    // at once too: a first start (or one after the job was off) builds what is absent
    void refreshAllRollups().catch((error: unknown) =>
      console.error("[rollups] failed:", error instanceof Error ? error.message : error),
    );
    schedulePeriodic("rollups", rollups, refreshAllRollups);
  }
  if (process.env.NEXT_MANUAL_SIG_HANDLE) {
    const { flushOnSignals } = await import("@/lib/jobs/shutdown");
    flushOnSignals();
  }
}
