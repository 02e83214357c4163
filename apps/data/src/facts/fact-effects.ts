import { readerFor, workflowLanguage, type CollabEvent } from '@collab/contracts';
import type { SqlExecutor } from '@collab/messaging';
import { applyCaseFact, CASE_FACT_TYPES } from './case-facts';
import { applyIntakeFact, intakeReader } from './intake-facts';
import { applyKnowledgeFact, knowledgeReader } from './knowledge-facts';
import { applyTaskFact, TASK_FACT_TYPES } from './task-facts';

/** What one source's events do to the fact store: nothing (undefined) for the types it does not read. */
export type FactEffect = (event: CollabEvent) => ((tx: SqlExecutor) => Promise<void>) | undefined;

/*
 * One effect per source log, shared by the live consumers and `npm run rebuild -- data facts`, so
 * a rebuilt fact store is what the consumers would have written.
 */

export const intakeFactEffect: FactEffect = (event) => {
  const message = intakeReader.read(event);
  return message && ((tx) => applyIntakeFact(tx, message));
};

const caseReader = readerFor(workflowLanguage, { only: CASE_FACT_TYPES });
const taskReader = readerFor(workflowLanguage, { only: TASK_FACT_TYPES });

export const workflowFactEffect: FactEffect = (event) => {
  const onCase = caseReader.read(event);
  if (onCase) return (tx) => applyCaseFact(tx, onCase);
  const onTask = taskReader.read(event);
  return onTask && ((tx) => applyTaskFact(tx, onTask));
};

export const knowledgeFactEffect: FactEffect = (event) => {
  const message = knowledgeReader.read(event);
  return message && ((tx) => applyKnowledgeFact(tx, message));
};
