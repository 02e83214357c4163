import type { CollabEvent } from '@collab/contracts';
import type { Fed } from './fed-fact';
import { intakeFacts, openingContact } from './intake-facts';
import { knowledgeFacts } from './knowledge-facts';
import { workflowFacts } from './workflow-facts';

/** What each source's published event is to the KPI computation: read by the live consumers and by the rebuild alike. */
export const FED_READERS = {
  intake: (event: CollabEvent): readonly Fed[] => {
    const fed = intakeFacts(event);
    const contact = openingContact(event, fed);
    return contact === undefined ? [fed] : [fed, contact];
  },
  workflow: (event: CollabEvent): readonly Fed[] => [workflowFacts(event)],
  knowledge: (event: CollabEvent): readonly Fed[] => [knowledgeFacts(event)],
} as const;

export type KpiSource = keyof typeof FED_READERS;
export const KPI_SOURCES = Object.keys(FED_READERS) as KpiSource[];

/** Whether the event tells the KPI computation anything (most of a source's events do not). */
export const tellsSomething = (feds: readonly Fed[]): boolean => feds.some((fed) => fed.fact !== undefined || fed.context.length > 0);
