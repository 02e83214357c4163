import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import {
  partnerStreamId,
  queueStreamId,
  unitStreamId,
  type AgentCandidate,
  type SupervisorDirectory,
} from '@collab/workflow-domain';
import { FINISHED_CASE_SQL } from '../cases/case-view/case-view.entity';
import type { OrgLookup, OrgParty } from '../workflow.ports';
import { OrgStreams } from './org-streams';

/**
 * A queue's active agents with their loads, asked for every contact by agent assignment: the agents
 * through workflow.org_agent_queues, each load through workflow.case_view_owned (both partial
 * indexes, whose predicates this repeats), not by reading either table whole.
 */
export const AGENTS_OF_QUEUE_SQL = `select a.id, a.skills, a.languages, a.capacity,
    (select count(*) from workflow.case_view c where c.assignee = a.id and c.status not in ${FINISHED_CASE_SQL}) as load
  from workflow.org_agent a
  where a.active and a.queues @> array[$1::text]
  order by a.id`;

/** The units under $1 at any depth (at most 32 levels, whatever the data holds), then their queues. */
const UNITS_BELOW_SQL = `with recursive below(id, depth) as (
    select id, 1 from workflow.org_unit where parent_id = $1
    union all
    select u.id, b.depth + 1 from workflow.org_unit u join below b on u.parent_id = b.id where b.depth < 32
  )
  select id from below
  union
  select q.id from workflow.org_queue q join below b on q.unit_id = b.id`;

interface AgentRow {
  readonly id: string;
  readonly skills: string[];
  readonly languages: string[];
  readonly capacity: number;
  readonly load: string | number;
}

/**
 * The org lookup workflow's features ask (ORG_LOOKUP). Units, partners and queues come from their
 * streams, so a unit defined a moment ago is known at once; the lists that need an index (a
 * unit's queues, a queue's agents) come from the org read model, and an agent's load from the
 * cases they own in workflow.case_view.
 */
@Injectable()
export class OrgDirectory implements OrgLookup {
  constructor(
    private readonly org: OrgStreams,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  async party(id: string): Promise<OrgParty | undefined> {
    const unit = await this.org.units.load(unitStreamId(id));
    if (unit.state.status === 'defined') {
      const { unitId, unitType, names, region, calendarId, supervisorId, parentId } = unit.state.unit;
      return {
        id: unitId,
        kind: 'UNIT',
        unitType,
        name: names.en,
        region,
        calendarId,
        supervisorId,
        parentId,
      };
    }
    const partner = await this.org.partners.load(partnerStreamId(id));
    if (partner.state.status === 'unregistered') return undefined;
    const { partnerId, names, regions, calendarId, supervisorId } = partner.state.partner;
    // A partner working several regions is placed by its first; routing matches on the case's own region.
    return {
      id: partnerId,
      kind: 'PARTNER',
      unitType: 'PARTNER',
      name: names.en,
      region: regions[0] ?? '',
      regions,
      calendarId,
      supervisorId,
      parentId: null,
    };
  }

  async unitOfQueue(queueId: string): Promise<OrgParty | undefined> {
    const { state } = await this.org.queues.load(queueStreamId(queueId));
    // A retired queue still belongs to its unit, whose supervisor answers for the cases left in it.
    return state.status === 'undefined' ? undefined : this.party(state.queue.unitId);
  }

  async queuesOfUnit(unitId: string): Promise<readonly string[]> {
    const rows: { id: string }[] = await this.dataSource.query(
      'select id from workflow.org_queue where unit_id = $1 order by id',
      [unitId],
    );
    return rows.map((row) => row.id);
  }

  /** From the org read model: a unit defined a moment ago may be missing for a moment, as from its queue list. */
  async below(unitId: string): Promise<readonly string[]> {
    const rows: { id: string }[] = await this.dataSource.query(UNITS_BELOW_SQL, [unitId]);
    return rows.map((row) => row.id);
  }

  async openQueues(queueIds: readonly string[]): Promise<ReadonlySet<string>> {
    const found = await Promise.all([...new Set(queueIds)].map((queueId) => this.org.queue(queueId)));
    return new Set(found.flatMap((queue) => (queue === undefined ? [] : [queue.id])));
  }

  /** Active agents serving the queue, each with the open cases they own now. */
  async agentsOfQueue(queueId: string): Promise<readonly AgentCandidate[]> {
    const rows: AgentRow[] = await this.dataSource.query(AGENTS_OF_QUEUE_SQL, [queueId]);
    return rows.map((row) => ({
      id: row.id,
      skills: row.skills,
      languages: row.languages,
      capacity: row.capacity,
      load: Number(row.load),
    }));
  }

  /** A queue answers with the supervisor of the unit that owns it. */
  async supervisorsOf(ids: readonly string[]): Promise<SupervisorDirectory> {
    const entries = await Promise.all(
      [...new Set(ids)].map(async (id) => {
        const party = (await this.party(id)) ?? (await this.unitOfQueue(id));
        return party?.supervisorId ? [[id, party.supervisorId] as const] : [];
      }),
    );
    return Object.fromEntries(entries.flat());
  }
}
