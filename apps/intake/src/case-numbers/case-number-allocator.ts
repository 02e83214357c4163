import { Inject, Injectable } from '@nestjs/common';
import { AggregateStreams, type EventStore } from '@collab/event-store';
import {
  caseNumberDecider,
  caseNumberStreamId,
  formatCaseNumber,
  type CaseNumberCounter,
  type CaseNumbersReserved,
  type ReserveCaseNumbers,
} from '@collab/intake-domain';
import type { DecisionContext } from '@collab/domain-kernel';
import { EVENT_STORE } from '@collab/service-kit';

const BLOCK_SIZE = 50;

interface Block {
  next: number;
  readonly to: number;
}

/**
 * Hands out `<REGION>-<YYYYMMDD>-<sequence>` numbers from blocks reserved in the event store, so
 * concurrent contacts do not all contend on one counter stream.
 */
@Injectable()
export class CaseNumberAllocator {
  private readonly counters: AggregateStreams<ReserveCaseNumbers, CaseNumbersReserved, CaseNumberCounter, DecisionContext>;
  private readonly blocks = new Map<string, Block>();
  private readonly reserving = new Map<string, Promise<Block>>();

  constructor(@Inject(EVENT_STORE) store: EventStore) {
    this.counters = new AggregateStreams(store, caseNumberDecider);
  }

  async next(region: string, day: string, now: Date): Promise<string> {
    const key = caseNumberStreamId(region, day);
    for (;;) {
      const block = this.blocks.get(key);
      if (block && block.next <= block.to) return formatCaseNumber(region, day, block.next++);
      await this.refill(key, { region, day, now });
    }
  }

  private refill(key: string, request: { region: string; day: string; now: Date }): Promise<Block> {
    const pending = this.reserving.get(key) ?? this.reserve(key, request).finally(() => this.reserving.delete(key));
    this.reserving.set(key, pending);
    return pending;
  }

  private async reserve(key: string, { region, day, now }: { region: string; day: string; now: Date }): Promise<Block> {
    const command: ReserveCaseNumbers = { type: 'ReserveCaseNumbers', region, day, blockSize: BLOCK_SIZE };
    const { events } = await this.counters.handle(key, command, { now }, {
      metadata: { correlationId: `case-numbers/${key}`, actor: { id: 'intake', kind: 'service' } },
      retriesOnConflict: 20,
    });
    const reserved = events[0]!.data;
    const block = { next: reserved.from, to: reserved.to };
    this.blocks.set(key, block);
    return block;
  }
}
