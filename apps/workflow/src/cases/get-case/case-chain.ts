import { laterTaskStatus, type TaskStatusWord } from '@collab/domain-kernel';
import { askerOf, caseOutcomeFor, type CollaborationTaskEvent, type WorkflowCaseEvent } from '@collab/workflow-domain';
import type { ChainLink, Link } from '../case.answers';

export type { ChainLink, Link } from '../case.answers';

const linksOf = (events: readonly WorkflowCaseEvent[]): Map<string, Link> => {
  const links = new Map<string, Link>();
  for (const event of events) {
    if (event.type === 'CollaborationTaskOpened') {
      const { taskId, parentTaskId, from, to, reason, openedAt, actor, acceptDueAt, completeDueAt } = event.data;
      links.set(taskId, { taskId, parentTaskId, from, to, reason, status: 'REQUESTED', openedAt, openedBy: actor, acceptDueAt, completeDueAt, closedAt: null, closedBy: null, outcomeReason: null });
    }
    if (event.type === 'CollaborationTaskClosed') {
      const open = links.get(event.data.taskId);
      if (open) links.set(open.taskId, { ...open, status: laterTaskStatus(open.status, event.data.outcome), closedAt: event.data.closedAt, closedBy: event.data.actor, outcomeReason: event.data.reason });
    }
  }
  return links;
};

/** The status a task event moves its task to; null for one that moves none (a note, an urge, the request itself). */
const taskStatusOf = (event: CollaborationTaskEvent): TaskStatusWord | null =>
  event.type === 'TaskAccepted' ? 'ACCEPTED' : (caseOutcomeFor(event)?.outcome ?? null);

/** The links with each task's status as its own stream moved it; a task only moves forward, so the order of the two streams does not matter. */
const movedBy = (links: Map<string, Link>, taskEvents: readonly CollaborationTaskEvent[]): Map<string, Link> => {
  for (const event of taskEvents) {
    const link = links.get(event.data.taskId);
    const status = taskStatusOf(event);
    if (link && status !== null) links.set(link.taskId, { ...link, status: laterTaskStatus(link.status, status) });
  }
  return links;
};

/**
 * The links as a tree. Roots are the tasks the case's owner asked for; each task's children are
 * the ones its holder asked for in turn, in the order given (the order the tasks were opened).
 */
export const chainOfLinks = (links: readonly Link[]): ChainLink[] => {
  const byId = new Map(links.map((link) => [link.taskId, link]));
  const known = new Set(byId.keys());
  const childrenOf = (parent: string | null): ChainLink[] =>
    links
      // A parent never opened on this case cannot be drawn: its child hangs at the root rather than vanish.
      .filter((link) => (parent === null ? link.parentTaskId === null || !known.has(link.parentTaskId) : link.parentTaskId === parent))
      // The chain holds each parent, so it names a version 1 chain's asker by its parent's target, as the case fold does.
      .map((link) => ({ ...link, from: askerOf(link.from, byId.get(link.parentTaskId ?? '')?.to), children: childrenOf(link.taskId) }));
  return childrenOf(null);
};

/**
 * 流程穿越: the whole chain of collaboration tasks as a tree: the case stream records every task
 * opened and how each ended; the task streams say how far each task has got meanwhile.
 */
export const chainOf = (caseEvents: readonly WorkflowCaseEvent[], taskEvents: readonly CollaborationTaskEvent[] = []): ChainLink[] =>
  chainOfLinks([...movedBy(linksOf(caseEvents), taskEvents).values()]);

/**
 * The tasks of the chain the case has not yet recorded the end of (closedAt is the case's record,
 * whatever the task's own status says meanwhile): the case decider's open tasks, so the case is
 * collaborating while there is any.
 */
export const openTasksOf = (chain: readonly ChainLink[]): number =>
  chain.reduce((open, link) => open + (link.closedAt === null ? 1 : 0) + openTasksOf(link.children), 0);
