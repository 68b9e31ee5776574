import type { ProgressListener } from "../store/store.js";

/**
 * A progress display on stderr: a redrawn bar on a terminal, plain lines (at most one per 5 s, plus the last)
 * elsewhere, so logs of scheduled runs stay readable.
 *
 * @example
 * const progress = createProgress("forecast");
 * progress.update(1, 30, "series a"); // forecast [#-----------------------] 3% 1/30 series a 0.0s
 * progress.done();
 */
export function createProgress(
  title: string,
  stream: NodeJS.WriteStream = process.stderr,
): {
  update: ProgressListener;
  done(): void;
} {
  const isTerminal = stream.isTTY === true;
  const started = Date.now();
  let lastDraw = 0;
  let lastLine = "";
  let lastWritten = "";
  const render = (done: number, total: number | null, label: string) => {
    const elapsed = ((Date.now() - started) / 1000).toFixed(1);
    if (total === null || total <= 0) return `${title} ${label} ${elapsed}s`;
    const share = Math.min(1, done / total);
    const width = 24;
    const filled = Math.round(share * width);
    return `${title} [${"#".repeat(filled)}${"-".repeat(width - filled)}] ${Math.round(share * 100)}% ${done}/${total} ${label} ${elapsed}s`;
  };
  return {
    update(done, total, label) {
      const now = Date.now();
      lastLine = render(done, total, label);
      if (isTerminal) {
        if (now - lastDraw < 100) return;
        stream.write(`\r\x1b[2K${lastLine}`);
      } else {
        if (now - lastDraw < 5000) return;
        stream.write(`${lastLine}\n`);
      }
      lastWritten = lastLine;
      lastDraw = now;
    },
    done() {
      // Off a terminal the last line may already be in the log: a one-series run would show it twice.
      if (lastLine === "" || (!isTerminal && lastLine === lastWritten)) return;
      stream.write(isTerminal ? `\r\x1b[2K${lastLine}\n` : `${lastLine}\n`);
    },
  };
}
