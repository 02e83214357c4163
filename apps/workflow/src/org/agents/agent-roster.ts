import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { NotFound, keyAfter, pageFromRows, type ListPage, type PageRequest } from '@collab/service-kit';
import { agentStreamId } from '@collab/workflow-domain';
import { FINISHED_CASE_SQL } from '../../cases/case-view/case-view.entity';
import { OrgAgentRecord } from '../org-view/org-view.entity';
import { OrgStreams } from '../org-streams';
import { agentViewOf, agentViewOfRecord } from './agent-view';
import type { AgentView } from '../org.answers';

/** Agents as the API reads them, each with the open cases they own now. */
@Injectable()
export class AgentRoster {
  constructor(
    private readonly org: OrgStreams,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  /** The agent from their stream (current), or NotFound (404). */
  async require(agentId: string): Promise<AgentView> {
    const { state, version } = await this.org.agents.load(agentStreamId(agentId));
    if (state.status === 'unenrolled') throw new NotFound('agent', agentId);
    const [load = 0] = Object.values(await this.loads([agentId]));
    return agentViewOf(state.agent, { active: state.status === 'active', version, load });
  }

  async list(filter: { queueId?: string; unitId?: string } & PageRequest): Promise<ListPage<AgentView>> {
    const after = keyAfter(filter.after);
    const query = this.dataSource
      .getRepository(OrgAgentRecord)
      .createQueryBuilder('agent')
      .orderBy('agent.id');
    if (filter.queueId) query.andWhere(':queueId = any(agent.queues)', { queueId: filter.queueId });
    if (filter.unitId) query.andWhere('agent.unit_id = :unitId', { unitId: filter.unitId });
    if (after !== undefined) query.andWhere('agent.id > :after', { after });
    const records = await query.take(filter.limit + 1).getMany();
    const loads = await this.loads(records.slice(0, filter.limit).map((record) => record.id));
    return pageFromRows(records, filter, (record) => record.id, (record) => agentViewOfRecord(record, loads[record.id] ?? 0));
  }

  private async loads(agentIds: readonly string[]): Promise<Record<string, number>> {
    if (agentIds.length === 0) return {};
    const rows: { assignee: string; load: string }[] = await this.dataSource.query(
      `select assignee, count(*) as load from workflow.case_view
        where assignee = any($1::text[]) and status not in ${FINISHED_CASE_SQL} group by assignee`,
      [agentIds],
    );
    return Object.fromEntries(rows.map((row) => [row.assignee, Number(row.load)]));
  }
}
