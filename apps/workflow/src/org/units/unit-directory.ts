import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { NotFound } from '@collab/service-kit';
import { unitStreamId } from '@collab/workflow-domain';
import { OrgQueueRecord, OrgUnitRecord } from '../org-view/org-view.entity';
import { OrgStreams } from '../org-streams';
import { unitTree, unitViewOf, unitViewOfRecord } from './unit-view';
import type { UnitNode, UnitView } from '../org.answers';

/** Units as the API reads them: one from its stream (current), the tree from the read model. */
@Injectable()
export class UnitDirectory {
  constructor(
    private readonly org: OrgStreams,
    @InjectRepository(OrgUnitRecord) private readonly units: Repository<OrgUnitRecord>,
    @InjectRepository(OrgQueueRecord) private readonly queues: Repository<OrgQueueRecord>,
  ) {}

  /** The unit, or NotFound (404). */
  async require(unitId: string): Promise<UnitView> {
    const { state, version } = await this.org.units.load(unitStreamId(unitId));
    if (state.status === 'undefined') throw new NotFound('unit', unitId);
    return unitViewOf(state.unit, version);
  }

  async tree(): Promise<UnitNode[]> {
    const [units, queues] = await Promise.all([
      this.units.find(),
      this.queues.find({ order: { id: 'ASC' } }),
    ]);
    const queuesByUnit = new Map<string, string[]>();
    for (const queue of queues)
      queuesByUnit.set(queue.unitId, [...(queuesByUnit.get(queue.unitId) ?? []), queue.id]);
    return unitTree(units.map(unitViewOfRecord), queuesByUnit);
  }
}
