import { Injectable } from '@nestjs/common';
import { INTAKE_CASE_EVENT_TYPES } from '@collab/intake-domain';
import type { EntityManager } from 'typeorm';
import type { RecordedEvent } from '@collab/event-store';
import type { CaseAcknowledged, CaseOpened, IntakeCaseEvent } from '@collab/intake-domain';
import { Projection } from '@collab/service-kit';
import { CaseRecord } from './case-record.entity';

const opened = (event: RecordedEvent, data: CaseOpened['data']): Partial<CaseRecord> => ({
  id: data.caseId,
  number: data.caseNumber,
  customerId: data.customerId,
  status: 'OPENED',
  channel: data.channel,
  channelKind: data.channelKind,
  audience: data.audience,
  requester: { ...data.requester },
  requesterId: data.requester.id ?? null,
  requesterPartner: data.requester.partner ?? null,
  requestType: data.requestType,
  category: data.category,
  subject: data.subject,
  description: data.description,
  language: data.language,
  region: data.region,
  priority: data.priority,
  externalRef: data.externalRef ?? null,
  contacts: 1,
  openedAt: new Date(data.openedAt),
  intakeVersion: event.streamVersion,
});

const acknowledged = (event: RecordedEvent, data: CaseAcknowledged['data']): Partial<CaseRecord> => ({
  acknowledgedAt: new Date(data.acknowledgedAt),
  expectedFirstResponseAt: new Date(data.expectedFirstResponseAt),
  expectedResolutionAt: new Date(data.expectedResolutionAt),
  intakeVersion: event.streamVersion,
});

/** Keeps intake.case_record equal to the fold of intake's case streams (the intake half of each row). */
@Injectable()
export class CaseRecordProjection extends Projection {
  readonly name = 'intake.case-record';
  readonly log = 'intake';
  readonly handles = INTAKE_CASE_EVENT_TYPES;
  /** case_progress, beside it, is the workflow consumer's. */
  readonly tables = ['intake.case_record'];
  async apply(events: readonly RecordedEvent[], tx: EntityManager): Promise<void> {
    const records = tx.getRepository(CaseRecord);
    for (const event of events) {
      const domainEvent = { type: event.type, data: event.data } as IntakeCaseEvent;
      switch (domainEvent.type) {
        case 'CaseOpened':
          await records.upsert(opened(event, domainEvent.data), ['id']);
          break;
        case 'CaseAcknowledged':
          await records.update({ id: domainEvent.data.caseId }, { ...acknowledged(event, domainEvent.data), status: 'ACKNOWLEDGED' });
          break;
        case 'ContactAppended':
          // Guarded by the case stream's version: a contact applied once more (a replay) is not counted twice.
          await tx.query(
            `update intake.case_record set contacts = contacts + 1, intake_version = $2 where id = $1 and intake_version < $2`,
            [domainEvent.data.caseId, event.streamVersion],
          );
          break;
        default:
          break;
      }
    }
  }
}
