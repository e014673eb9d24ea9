/** A one-line progress display on a terminal: phase, documents done/total, seconds elapsed. Silent elsewhere. */
export class Progress {
  private last = 0;
  private readonly started = performance.now();

  constructor(private readonly enabled: boolean, private readonly stream: NodeJS.WriteStream = process.stderr) {}

  update(phase: string, done: number, total: number, unit = 'documents'): void {
    if (!this.enabled) return;
    const now = performance.now();
    if (done < total && now - this.last < 100) return;
    this.last = now;
    const seconds = ((now - this.started) / 1000).toFixed(1);
    this.stream.write(`\r\x1b[K${phase.padEnd(8)} ${done}/${total} ${unit}  ${seconds}s`);
  }

  finish(): void {
    if (this.enabled) this.stream.write('\r\x1b[K');
  }
}
