import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { randomUUID } from 'node:crypto';
import { AggregateStreams, type EventStore } from '@collab/event-store';
import {
  caseStreamId,
  intakeCaseDecider,
  type Contact,
  type IntakeCaseCommand,
  type IntakeCaseEvent,
  type IntakeCaseState,
} from '@collab/intake-domain';
import type { DecisionContext } from '@collab/domain-kernel';
import { CLOCK, EVENT_STORE, defined, type Clock } from '@collab/service-kit';
import { SubmitContact, type ContactAccepted } from './submit-contact.command';

@CommandHandler(SubmitContact)
export class SubmitContactHandler implements ICommandHandler<SubmitContact, ContactAccepted> {
  private readonly cases: AggregateStreams<IntakeCaseCommand, IntakeCaseEvent, IntakeCaseState, DecisionContext>;

  constructor(
    @Inject(EVENT_STORE) store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {
    this.cases = new AggregateStreams(store, intakeCaseDecider);
  }

  async execute(command: SubmitContact): Promise<ContactAccepted> {
    const now = this.clock.now();
    const caseId = randomUUID();
    const contact: Contact = { ...defined(command.input), contactId: randomUUID(), occurredAt: command.input.occurredAt ?? now.toISOString() };
    await this.cases.handle(caseStreamId(caseId), { type: 'OpenCase', caseId, contact }, { now }, {
      metadata: { correlationId: command.correlationId, actor: command.actor },
    });
    return { caseId, contactId: contact.contactId, status: 'OPEN', openedAt: now.toISOString() };
  }
}
