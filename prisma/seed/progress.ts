// A text progress bar on stderr: `[#####-----] 52% 2,600/5,000 profiles 3.1s`.
// On a terminal it redraws in place; in logs it prints a line every 10%.

/** Called with `done` of `total` units of `label` finished; usable as seedDemo's onProgress. */
export type ProgressBar = ((done: number, total: number, label: string) => void) & {
  /** The same as calling the bar. */
  update(done: number, total: number, label: string): void;
  /** Ends an unfinished line on a terminal (after an interruption). */
  finish(): void;
};

const WIDTH = 20;
const numberFormat = new Intl.NumberFormat("en-US");

/** Formats one progress line (no line ending). */
export function formatProgress(done: number, total: number, label: string, elapsedMs: number): string {
  const ratio = total > 0 ? Math.min(1, done / total) : 1;
  const filled = Math.round(ratio * WIDTH);
  const bar = `[${"#".repeat(filled)}${"-".repeat(WIDTH - filled)}]`;
  const percent = `${Math.floor(ratio * 100)}%`.padStart(4);
  return `${bar} ${percent} ${numberFormat.format(done)}/${numberFormat.format(total)} ${label} ${(elapsedMs / 1000).toFixed(1)}s`;
}

/** A progress bar writing to `stream` (stderr by default), timed from its creation. */
export function createProgressBar(stream: NodeJS.WriteStream = process.stderr): ProgressBar {
  const startedAt = Date.now();
  const tty = Boolean(stream.isTTY);
  let currentLabel = "";
  let lastDecile = -1;
  let open = false;
  const update = (done: number, total: number, label: string) => {
    const line = formatProgress(done, total, label, Date.now() - startedAt);
    if (tty) {
      if (open && label !== currentLabel) stream.write("\n");
      stream.write(`\r${line}\x1b[K`);
      open = done < total; // a finished bar ends its line, so later output starts clean
      if (!open) stream.write("\n");
    } else {
      const decile = total > 0 ? Math.floor((10 * Math.min(done, total)) / total) : 10;
      if (label === currentLabel && decile === lastDecile) return;
      lastDecile = decile;
      stream.write(`${line}\n`);
    }
    currentLabel = label;
  };
  return Object.assign(update, {
    update,
    finish() {
      if (tty && open) stream.write("\n");
      open = false;
    },
  });
}
