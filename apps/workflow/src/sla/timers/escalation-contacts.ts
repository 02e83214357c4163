import { Inject, Injectable } from '@nestjs/common';
import type { EscalationTarget, SlaClock } from '@collab/workflow-domain';
import { ORG_LOOKUP, type OrgLookup } from '../../workflow.ports';
import { SlaStreams } from '../sla-streams';

/** Whom an escalation alerts about which holder's work; null where the org directory names nobody. */
export interface EscalationContact {
  readonly holdingUnit: string | null;
  readonly supervisorUnit: string | null;
  readonly supervisorId: string | null;
}

const NOBODY: EscalationContact = { holdingUnit: null, supervisorUnit: null, supervisorId: null };

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
    const holdingUnit = clock.holdingUnit ?? (await this.unitHoldingCase(caseId));
    if (holdingUnit === null) return NOBODY;
    const holder = await this.org.party(holdingUnit);
    const supervisorUnit = notify === 'UNIT_SUPERVISOR' ? holdingUnit : (holder?.parentId ?? null);
    if (supervisorUnit === null) return { ...NOBODY, holdingUnit };
    const supervising = supervisorUnit === holdingUnit ? holder : await this.org.party(supervisorUnit);
    return { holdingUnit, supervisorUnit, supervisorId: supervising?.supervisorId ?? null };
  }

  private async unitHoldingCase(caseId: string): Promise<string | null> {
    const state = await this.streams.caseState(caseId);
    if (state.status === 'none' || state.status === 'registered') return null;
    return (await this.org.unitOfQueue(state.desk.queue))?.id ?? null;
  }
}
