import { Inject, Injectable } from '@nestjs/common';
import type { EventMetadata, EventStore } from '@collab/event-store';
import type { DecisionContext } from '@collab/domain-kernel';
import {
  customerDecider,
  customerStreamId,
  type CustomerCommand,
  type CustomerEvent,
  type CustomerState,
  type RecordCaseEnded,
  type RecordCaseReopened,
} from '@collab/intake-domain';
import { CLOCK, CommandHandler, EVENT_STORE, type Clock } from '@collab/service-kit';

/** What workflow reported, with the ids that make a redelivered report append nothing new. */
export interface CaseFateReport {
  readonly command: RecordCaseEnded | RecordCaseReopened;
  readonly metadata: EventMetadata;
  readonly eventIdFor: (index: number) => string;
}

/**
 * Each customer's open cases, in the customer's own stream. Contacts record their new cases there
 * (ContactIntake), so two contacts from one customer arriving together end in one case, not two;
 * workflow's endings and reopenings are recorded here, so a contact placed after an ending never
 * joins the case.
 */
@Injectable()
export class CustomerOpenCases {
  private readonly customers: CommandHandler<CustomerCommand, CustomerEvent, CustomerState, DecisionContext>;

  constructor(
    @Inject(EVENT_STORE) store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {
    // Workflow's reports never race a person's decision on the same facts: deciding again is safe, and contacts keep appending.
    this.customers = new CommandHandler(store, customerDecider, { streamOf: (command) => customerStreamId(command.customerId), retriesOnConflict: 10 });
  }

  /** Records workflow's closing, cancelling or reopening of one of the customer's cases (nothing when already recorded). */
  async record(report: CaseFateReport): Promise<void> {
    await this.customers.handle(report.command, { now: this.clock.now() }, {
      metadata: report.metadata,
      eventIdFor: (_event, index) => report.eventIdFor(index),
    });
  }
}
