/**
 * Progress on stderr: on a terminal one line rewritten in place (the current stage, done/total, a
 * percentage, time spent and an estimate of the time left), cut to the terminal's width so that it
 * never wraps (a wrapped line cannot be rewritten and leaves stale copies behind); as `lines`, one
 * plain line per step for scripts and logs; or nothing.
 */
export type ProgressMode = 'terminal' | 'lines' | 'off';

/** Where progress goes: a terminal stream tells its width in `columns`. */
export interface ProgressStream {
  write(chunk: string): unknown;
  columns?: number;
}

/** The width assumed when the stream does not tell its own. */
const DEFAULT_COLUMNS = 80;
/** Fewer rewrites than this interval apart would only flicker. */
const REDRAW_MS = 100;

/** Seconds as "45s", "3m05s" or "1h02m". */
export function formatDuration(seconds: number): string {
  const whole = Math.max(0, Math.round(seconds));
  if (whole < 60) return `${whole}s`;
  if (whole < 3600) return `${Math.floor(whole / 60)}m${String(whole % 60).padStart(2, '0')}s`;
  return `${Math.floor(whole / 3600)}h${String(Math.floor((whole % 3600) / 60)).padStart(2, '0')}m`;
}

/** `text` cut to `width` characters, ending in "…" when cut. */
function cut(text: string, width: number): string {
  if (text.length <= width) return text;
  return width <= 0 ? '' : `${text.slice(0, width - 1)}…`;
}

/**
 * The progress line at most `width` characters long: the least useful parts go first (the unit, then
 * the time spent, then the estimate), and the stage name is shortened last.
 */
export function progressLine(stage: string, done: number, total: number, unit: string, elapsed: number, width: number): string {
  const percent = total > 0 ? Math.floor((done / total) * 100) : 100;
  const count = `${done}/${total}`;
  // Not estimated before the first step is done, nor once the last is.
  const left = done > 0 && done < total ? `ETA ${formatDuration((elapsed / done) * (total - done))}` : '';
  const spent = formatDuration(elapsed);
  const variants = [
    [stage, count, unit, `${percent}%`, spent, left],
    [stage, count, `${percent}%`, spent, left],
    [stage, count, `${percent}%`, left],
    [stage, count, `${percent}%`],
  ].map((parts) => parts.filter(Boolean).join(' '));
  const fitting = variants.find((line) => line.length <= width);
  if (fitting) return fitting;
  const tail = ` ${count} ${percent}%`;
  return tail.length < width ? `${cut(stage, width - tail.length)}${tail}` : cut(`${stage}${tail}`, width);
}

export class Progress {
  private last = -Infinity;
  private phase: string | undefined;
  private phaseStarted: number;

  /** `now` gives milliseconds; the estimate of the time left counts from the start of each phase. */
  constructor(
    private readonly mode: ProgressMode,
    private readonly stream: ProgressStream = process.stderr,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.phaseStarted = now();
  }

  /** `stage` is what runs now; `unit` names what is counted, and a new unit starts a new phase. */
  update(stage: string, done: number, total: number, unit = 'documents'): void {
    if (this.mode === 'off') return;
    const now = this.now();
    if (this.phase !== unit) {
      this.phase = unit;
      this.phaseStarted = now;
    }
    const elapsed = (now - this.phaseStarted) / 1000;
    if (this.mode === 'lines') {
      this.stream.write(`progress: ${stage} ${done}/${total} ${unit} ${elapsed.toFixed(1)}s\n`);
      return;
    }
    if (done < total && now - this.last < REDRAW_MS) return;
    this.last = now;
    // One column short of the width: a character in the last column makes some terminals wrap.
    const width = (this.stream.columns ?? DEFAULT_COLUMNS) - 1;
    this.stream.write(`\r\x1b[K${progressLine(stage, done, total, unit, elapsed, width)}`);
  }

  /** Clears the line; the next update starts a new phase. */
  finish(): void {
    this.phase = undefined;
    if (this.mode === 'terminal') this.stream.write('\r\x1b[K');
  }
}
