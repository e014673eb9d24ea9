/**
 * Progress on stderr: on a terminal one line rewritten in place (phase, done/total, seconds elapsed);
 * as `lines`, one plain line per step for scripts and logs; or nothing.
 */
export type ProgressMode = 'terminal' | 'lines' | 'off';

export class Progress {
  private last = 0;
  private readonly started = performance.now();

  constructor(private readonly mode: ProgressMode, private readonly stream: NodeJS.WritableStream = process.stderr) {}

  update(phase: string, done: number, total: number, unit = 'documents'): void {
    if (this.mode === 'off') return;
    const now = performance.now();
    const seconds = ((now - this.started) / 1000).toFixed(1);
    if (this.mode === 'lines') {
      this.stream.write(`progress: ${phase} ${done}/${total} ${unit} ${seconds}s\n`);
      return;
    }
    if (done < total && now - this.last < 100) return;
    this.last = now;
    this.stream.write(`\r\x1b[K${phase.padEnd(8)} ${done}/${total} ${unit}  ${seconds}s`);
  }

  finish(): void {
    if (this.mode === 'terminal') this.stream.write('\r\x1b[K');
  }
}
