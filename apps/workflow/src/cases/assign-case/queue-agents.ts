import { Inject, Injectable } from '@nestjs/common';
import { ValidationFailed } from '@collab/domain-kernel';
import type { AgentCandidate } from '@collab/workflow-domain';
import { ORG_LOOKUP, type OrgLookup } from '../../workflow.ports';

/** An owner comes from the case's queue: the org directory says who works it. */
@Injectable()
export class QueueAgents {
  constructor(@Inject(ORG_LOOKUP) private readonly org: OrgLookup) {}

  /**
   * The agent with their load and capacity now; ValidationFailed naming `field` unless they are
   * an active agent of the queue. Whether they have room is the case decider's to judge.
   */
  async requireAgentOf(queue: string, agentId: string, field: string): Promise<AgentCandidate> {
    const agent = (await this.org.agentsOfQueue(queue)).find((candidate) => candidate.id === agentId);
    if (!agent)
      throw new ValidationFailed([{ field, message: `${agentId} is not an agent of queue ${queue}` }]);
    return agent;
  }

  /** The agent's load and capacity, or null when they are not an active agent of the queue (any more). */
  async loadOf(queue: string, agentId: string): Promise<AgentCandidate | null> {
    return (await this.org.agentsOfQueue(queue)).find((candidate) => candidate.id === agentId) ?? null;
  }
}
