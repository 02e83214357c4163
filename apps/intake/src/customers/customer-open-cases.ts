import { Inject, Injectable } from '@nestjs/common';
import { AggregateStreams, type EventMetadata, type EventStore } from '@collab/event-store';
import type { DecisionContext } from '@collab/domain-kernel';
import {
  customerDecider,
  customerStreamId,
  hasEnded,
  recentOpenCase,
  type CustomerCommand,
  type CustomerEvent,
  type CustomerState,
  type PlaceContact,
  type RecordCaseEnded,
  type RecordCaseReopened,
} from '@collab/intake-domain';
import { CLOCK, EVENT_STORE, PLATFORM_CONFIG, type Clock, type PlatformConfig } from '@collab/service-kit';
import type { IdFor } from '../idempotency/idempotent-requests';

export interface CustomerPlacement {
  readonly customerId: string;
  readonly category: string;
  /** The id a new case gets; derived from the idempotency key when there is one. */
  readonly newCaseId: string;
  readonly metadata: EventMetadata;
  readonly idFor: IdFor;
}

/** What workflow reported, with the ids that make a redelivered report append nothing new. */
export interface CaseFateReport {
  readonly command: RecordCaseEnded | RecordCaseReopened;
  readonly metadata: EventMetadata;
  readonly eventIdFor: (index: number) => string;
}

/**
 * Each customer's open cases, in the customer's own stream. The stream settles races: two
 * contacts from one customer arriving together are placed one after the other, so they end in
 * one case, not two; and a case workflow ended is recorded in the same stream, so a contact placed
 * after that never joins it.
 */
@Injectable()
export class CustomerOpenCases {
  private readonly customers: AggregateStreams<CustomerCommand, CustomerEvent, CustomerState, DecisionContext>;

  constructor(
    @Inject(EVENT_STORE) store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(PLATFORM_CONFIG) private readonly config: PlatformConfig,
  ) {
    this.customers = new AggregateStreams(store, customerDecider);
  }

  /** The case the contact belongs in: a recent open one in the same category, or the new one (then recorded). */
  async caseFor(request: CustomerPlacement): Promise<string> {
    const now = this.clock.now();
    const windowMinutes = this.config.INTAKE_JOIN_WINDOW_MINUTES;
    const command: PlaceContact = { type: 'PlaceContact', customerId: request.customerId, category: request.category, newCaseId: request.newCaseId, windowMinutes };
    const placed = await this.customers.handle(customerStreamId(request.customerId), command, { now }, {
      metadata: request.metadata,
      eventIdFor: (_event, index) => request.idFor(`customer-placement/${index}`),
      retriesOnConflict: 10,
    });
    if (placed.events.length > 0) return request.newCaseId;
    // A retry of a half-finished request finds its own case already recorded.
    return recentOpenCase(placed.state, request.category, windowMinutes, now)?.caseId ?? request.newCaseId;
  }

  /** Records workflow's closing, cancelling or reopening of one of the customer's cases (nothing when already recorded). */
  async record(report: CaseFateReport): Promise<void> {
    await this.customers.handle(customerStreamId(report.command.customerId), report.command, { now: this.clock.now() }, {
      metadata: report.metadata,
      eventIdFor: (_event, index) => report.eventIdFor(index),
      retriesOnConflict: 10,
    });
  }

  /** True when workflow closed or cancelled the customer's case and has not reopened it. */
  async hasEnded(customerId: string, caseId: string): Promise<boolean> {
    const { state } = await this.customers.load(customerStreamId(customerId));
    return hasEnded(state, caseId);
  }
}
