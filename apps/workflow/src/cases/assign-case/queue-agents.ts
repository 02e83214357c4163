import { Inject, Injectable } from '@nestjs/common';
import { ValidationFailed } from '@collab/domain-kernel';
import { ORG_LOOKUP, type OrgLookup } from '../../workflow.ports';

/** An owner comes from the case's queue: the org directory says who works it. */
@Injectable()
export class QueueAgents {
  constructor(@Inject(ORG_LOOKUP) private readonly org: OrgLookup) {}

  /** ValidationFailed naming `field` unless the agent works the queue (a supervisor may exceed an agent's capacity). */
  async requireAgentOf(queue: string, agentId: string, field: string): Promise<void> {
    const agents = await this.org.agentsOfQueue(queue);
    if (!agents.some((agent) => agent.id === agentId))
      throw new ValidationFailed([{ field, message: `${agentId} is not an agent of queue ${queue}` }]);
  }
}
