import { Inject, Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { WrongExpectedVersion, foldRecorded, type EventStore, type NewEvent } from '@collab/event-store';
import {
  caseNumberDecider,
  caseNumberStreamId,
  formatCaseNumber,
  type CaseNumberCounter,
  type CaseNumbersReserved,
} from '@collab/intake-domain';
import { EVENT_STORE } from '@collab/service-kit';

const BLOCK_SIZE = 50;
/** When this few numbers are left, the next block is reserved in the background, before anyone waits for it. */
const LOW_WATER = 10;
const ATTEMPTS = 20;
/** Counters of other days are dropped once this many are kept. */
const MAX_COUNTERS = 1_000;
const ACTOR = { id: 'intake', kind: 'service' } as const;

interface Block {
  next: number;
  readonly to: number;
}

/** A region's counter for one day, as this process last saw its stream, and the blocks it holds. */
interface Counter {
  readonly streamId: string;
  readonly region: string;
  readonly day: string;
  seen?: { readonly state: CaseNumberCounter; readonly version: number };
  readonly blocks: Block[];
  reserving?: Promise<void> | undefined;
}

const left = (counter: Counter): number => counter.blocks.reduce((sum, block) => sum + block.to - block.next + 1, 0);

/**
 * Hands out `<REGION>-<YYYYMMDD>-<sequence>` numbers from blocks of 50 reserved in the counter
 * stream of the region and local day, so concurrent contacts do not contend on one counter. A
 * number costs no round trip in steady state: the next block is reserved in the background while
 * ten numbers are still left, and a reservation reads only the counter's events it has not seen
 * (none, unless another replica reserved in between).
 */
@Injectable()
export class CaseNumberAllocator {
  private readonly logger = new Logger('CaseNumbers');
  private readonly counters = new Map<string, Counter>();

  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async next(region: string, day: string): Promise<string> {
    const counter = this.counterFor(region, day);
    for (;;) {
      const block = counter.blocks[0];
      if (block && block.next <= block.to) {
        const sequence = block.next++;
        if (left(counter) <= LOW_WATER) this.refill(counter).catch((error: unknown) => this.logger.warn(`reserving ahead failed: ${String(error)}`));
        return formatCaseNumber(region, day, sequence);
      }
      if (block) counter.blocks.shift();
      else await this.refill(counter);
    }
  }

  private counterFor(region: string, day: string): Counter {
    const streamId = caseNumberStreamId(region, day);
    const known = this.counters.get(streamId);
    if (known) return known;
    if (this.counters.size >= MAX_COUNTERS) this.counters.delete(this.counters.keys().next().value!);
    const counter: Counter = { streamId, region, day, blocks: [] };
    this.counters.set(streamId, counter);
    return counter;
  }

  /** One reservation in flight per counter; whoever needs numbers meanwhile waits for it. */
  private refill(counter: Counter): Promise<void> {
    counter.reserving ??= this.reserve(counter).finally(() => (counter.reserving = undefined));
    return counter.reserving;
  }

  private async reserve(counter: Counter): Promise<void> {
    for (let attempt = 1; ; attempt += 1) {
      const seen = counter.seen ?? (await this.catchUp(counter));
      const [reserved] = caseNumberDecider.decide({ type: 'ReserveCaseNumbers', region: counter.region, day: counter.day, blockSize: BLOCK_SIZE }, seen.state, { now: new Date() });
      try {
        await this.store.append(counter.streamId, [this.eventOf(counter, reserved!)], seen.version || 'no_stream');
      } catch (error) {
        if (!(error instanceof WrongExpectedVersion) || attempt >= ATTEMPTS) throw error;
        await this.catchUp(counter);
        continue;
      }
      counter.seen = { state: caseNumberDecider.evolve(seen.state, reserved!), version: seen.version + 1 };
      counter.blocks.push({ next: reserved!.data.from, to: reserved!.data.to });
      return;
    }
  }

  /** Reads the counter's events this process has not seen (all of them the first time) and folds them on. */
  private async catchUp(counter: Counter): Promise<NonNullable<Counter['seen']>> {
    const known = counter.seen;
    const newer = await this.store.readStream(counter.streamId, { fromVersion: (known?.version ?? 0) + 1 });
    const folded = foldRecorded<CaseNumbersReserved, CaseNumberCounter>(
      { initialState: () => known?.state ?? caseNumberDecider.initialState(), evolve: caseNumberDecider.evolve },
      newer,
    );
    counter.seen = { state: folded.state, version: (known?.version ?? 0) + folded.version };
    return counter.seen;
  }

  private eventOf(counter: Counter, reserved: CaseNumbersReserved): NewEvent {
    return { id: randomUUID(), type: reserved.type, data: { ...reserved.data }, metadata: { correlationId: `case-numbers/${counter.streamId}`, actor: ACTOR } };
  }
}
