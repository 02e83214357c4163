import { Presets, SingleBar } from 'cli-progress';
import type { RebuildPhase, RebuildProgress } from '@collab/following';

/** Where the command writes: a terminal gets a bar redrawn in place, anything else (CI) plain lines. */
export interface ProgressOutput {
  write(text: string): unknown;
  readonly isTTY?: boolean;
}

const count = (value: bigint | number): string => value.toLocaleString('en-US');
const seconds = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;
const timeLeft = (left: number): string => {
  const whole = Math.ceil(left);
  return whole < 90 ? `${whole}s` : `${Math.floor(whole / 60)}m${String(whole % 60).padStart(2, '0')}s`;
};

/** Events per second over the last few seconds, so the figure follows the rebuild's pace as it changes. */
class Pace {
  private samples: { readonly at: number; readonly position: bigint }[] = [];

  /** Starts over from `position` now (a phase begins). */
  from(position: bigint, at = Date.now()): void {
    this.samples = [{ at, position }];
  }

  perSecond(position: bigint, at = Date.now()): number {
    this.samples.push({ at, position });
    while (this.samples.length > 2 && at - this.samples[0]!.at > 5_000) this.samples.shift();
    const first = this.samples[0]!;
    return at > first.at ? (Number(position - first.position) * 1000) / (at - first.at) : 0;
  }
}

const PHASE_LINES: Partial<Record<RebuildPhase, string>> = {
  'catching-up': 'applying the log from position 0 into the shadow tables',
  indexing: 'building the remaining indexes of the shadow tables and writing them to the WAL',
  'final-catch-up': 'applying what was appended meanwhile',
  swapping: 'swapping the shadow tables in and moving the checkpoint',
};

/**
 * The rebuild's progress as `npm run rebuild` shows it: position / head, events per second and the
 * time left, as a bar on a terminal (cli-progress) or a plain line every two seconds elsewhere.
 */
export class ConsoleProgress implements RebuildProgress {
  private bar: SingleBar | undefined;
  private current: RebuildPhase = 'preparing';
  private readonly pace = new Pace();
  private phaseStarted = Date.now();
  private phaseFrom = 0n;
  private position = 0n;

  constructor(
    private readonly out: ProgressOutput,
    private readonly lease: string,
  ) {}

  line(text: string): void {
    this.out.write(`${text}\n`);
  }

  phase(phase: RebuildPhase): void {
    this.stopBar();
    if (phase === 'indexing' || phase === 'swapping') this.reportPace();
    if (phase === 'pausing-live')
      this.line(`taking the lease ${this.lease}: the live projections of the service pause until the swap (seconds), then go on by themselves`);
    else if (PHASE_LINES[phase]) this.line(PHASE_LINES[phase]);
    [this.current, this.phaseStarted, this.phaseFrom] = [phase, Date.now(), this.position];
    this.pace.from(this.position, this.phaseStarted);
  }

  /** The bar shows the long pass over the history; what came meanwhile is summed up at the swap. */
  advanced(position: bigint, head: bigint): void {
    this.position = position;
    if (this.current !== 'catching-up') return;
    const bar = (this.bar ??= this.startBar(head));
    bar.setTotal(Number(head));
    bar.update(Number(position), this.figures(position, head));
  }

  /** The tokens of the bar's line; pace and time left show once there is a pace to tell. */
  private figures(position: bigint, head: bigint): Record<string, string> {
    const rate = this.pace.perSecond(position);
    const left = rate > 0 ? Number(head - position) / rate : undefined;
    return {
      position: count(position),
      head: count(head),
      rate: rate > 0 ? count(Math.round(rate)) : '–',
      left: left === undefined ? '–' : timeLeft(left),
    };
  }

  retrying(error: unknown, delayMs: number): void {
    this.stopBar();
    this.line(`database fault, retrying in ${seconds(delayMs)}: ${error instanceof Error ? error.message : String(error)}`);
  }

  /** Leaves the terminal as it found it (the bar drawn last, the cursor shown). */
  close(): void {
    this.stopBar();
  }

  private startBar(head: bigint): SingleBar {
    const format = this.out.isTTY
      ? '  {bar} {percentage}% | {position} / {head} | {rate} events/s | ETA {left}'
      : '  position {position} / {head} ({percentage}%) | {rate} events/s | ETA {left}';
    const bar = new SingleBar({
      format,
      stream: this.out as NodeJS.WritableStream,
      noTTYOutput: true,
      notTTYSchedule: 2_000,
      hideCursor: this.out.isTTY === true,
      // Elsewhere than a terminal, no blank line after the last progress line.
      clearOnComplete: this.out.isTTY !== true,
      barsize: 30,
    }, Presets.shades_classic);
    bar.start(Number(head), Number(this.phaseFrom), { position: count(this.phaseFrom), head: count(head), rate: '–', left: '–' });
    return bar;
  }

  private stopBar(): void {
    this.bar?.stop();
    this.bar = undefined;
  }

  private reportPace(): void {
    const elapsed = Date.now() - this.phaseStarted;
    const events = this.position - this.phaseFrom;
    if (events <= 0n) return;
    this.line(`  at position ${count(this.position)}: ${count(events)} events in ${seconds(elapsed)} (${count(Math.round((Number(events) * 1000) / Math.max(1, elapsed)))} events/s)`);
  }
}
