/** "Nov 23" for a YYYY-MM-DD day, in UTC so server and browser agree. */
export const shortDate = (day: string) =>
  new Date(`${day}T00:00:00Z`).toLocaleDateString("en-US", { month: "short", day: "numeric", timeZone: "UTC" });
