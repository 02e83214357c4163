import { Inject, Injectable } from '@nestjs/common';
import type { Party } from '@collab/domain-kernel';
import type { EscalationTarget, SlaClock } from '@collab/workflow-domain';
import { ORG_LOOKUP, type OrgLookup } from '../../workflow.ports';
import { SlaStreams } from '../sla-streams';

/** Whom an escalation alerts about which holder's work; null where the org directory names nobody. */
export interface EscalationContact {
  readonly clockHolder: Party | null;
  readonly supervisorUnit: string | null;
  readonly supervisorId: string | null;
}

const NOBODY: EscalationContact = { clockHolder: null, supervisorUnit: null, supervisorId: null };

/**
 * Looks up, when an escalation fires, who holds the work and whose supervisor hears of it: the
 * task's target for a task clock; for the case's clocks the unit owning the queue the case is in
 * now (it may have been transferred since its clock started). UNIT_SUPERVISOR is that unit's
 * supervisor, PARENT_UNIT_SUPERVISOR the supervisor of the unit above it.
 */
@Injectable()
export class EscalationContacts {
  constructor(
    @Inject(ORG_LOOKUP) private readonly org: OrgLookup,
    private readonly streams: SlaStreams,
  ) {}

  async of(caseId: string, clock: SlaClock, notify: EscalationTarget): Promise<EscalationContact> {
    const clockHolder = clock.clockHolder ?? (await this.unitHoldingCase(caseId));
    if (clockHolder === null) return NOBODY;
    // Looked up by id, whatever the kind (ids are unique across queues, units and partners): a clock
    // stored before version 2 names a partner as a UNIT and still finds the partner's supervisor.
    const holder = await this.org.party(clockHolder.id);
    const supervisorUnit = notify === 'UNIT_SUPERVISOR' ? clockHolder.id : (holder?.parentId ?? null);
    if (supervisorUnit === null) return { ...NOBODY, clockHolder };
    const supervising = supervisorUnit === clockHolder.id ? holder : await this.org.party(supervisorUnit);
    return { clockHolder, supervisorUnit, supervisorId: supervising?.supervisorId ?? null };
  }

  private async unitHoldingCase(caseId: string): Promise<Party | null> {
    const state = await this.streams.caseState(caseId);
    if (state.status === 'none' || state.status === 'registered') return null;
    const unit = await this.org.unitOfQueue(state.desk.queue);
    return unit === undefined ? null : { kind: 'UNIT', id: unit.id };
  }
}
