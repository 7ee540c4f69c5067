// Progress of a long run: a live line on a terminal, a plain line now and then otherwise.
import type { IngestProgress } from '../store/ingest.js';

const TTY_INTERVAL_MS = 100;
const PLAIN_INTERVAL_MS = 10000;
const PLAIN_EVERY = 1000;

/** A progress reporter writing to `out`; call `update` often and `finish` once. */
export interface ProgressReporter {
  update(p: IngestProgress): void;
  /** Clears the live line so that a message can be printed; the next update redraws it. */
  interrupt(): void;
  finish(): void;
}

/** One line describing where a run stands: count, rate, ETA. */
export function describeProgress(p: IngestProgress): string {
  const rate = p.done / Math.max(0.001, p.elapsedMs / 1000);
  const pct = p.total ? ` (${Math.floor((100 * p.done) / p.total)}%)` : '';
  const left = Math.max(0, p.total - p.done);
  const eta = p.total && rate > 0 ? ` · ETA ${formatSeconds(left / rate)}` : '';
  return `${p.done}/${p.total}${pct} · stored ${p.stored} · skipped ${p.skipped} · failed ${p.failed} · ${rate.toFixed(1)} articles/s${eta}`;
}

/** Seconds as "42s", "3m05s" or "1h02m". */
export function formatSeconds(s: number): string {
  if (s < 60) return `${Math.round(s)}s`;
  if (s < 3600) return `${Math.floor(s / 60)}m${String(Math.round(s % 60)).padStart(2, '0')}s`;
  return `${Math.floor(s / 3600)}h${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}m`;
}

/** A reporter for `out`: redraws one line on a TTY, else prints a line every 1000 articles or 10 seconds. */
export function makeProgressReporter(out: NodeJS.WriteStream, label: string): ProgressReporter {
  const tty = Boolean(out.isTTY);
  let last = 0;
  let lastDone = 0;
  let drawn = false;
  let latest: IngestProgress | null = null;
  return {
    update(p) {
      latest = { ...p };
      const now = performance.now();
      if (tty) {
        if (now - last < TTY_INTERVAL_MS && p.done < p.total) return;
        out.write(`\r\x1b[K${label} ${describeProgress(p)}`);
        drawn = true;
      } else {
        if (p.done - lastDone < PLAIN_EVERY && now - last < PLAIN_INTERVAL_MS) return;
        out.write(`${label} ${describeProgress(p)}\n`);
        lastDone = p.done;
      }
      last = now;
    },
    interrupt() {
      if (tty && drawn) out.write('\r\x1b[K');
      drawn = false;
    },
    finish() {
      if (tty && drawn) out.write('\n');
      if (!tty && latest && latest.done !== lastDone) out.write(`${label} ${describeProgress(latest)}\n`);
      if (!tty && latest) lastDone = latest.done;
      drawn = false;
    },
  };
}
