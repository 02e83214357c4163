import type { ServiceContract } from '@collab/contracts';

/** What knowledge publishes on `collab.knowledge.events.v1`; it grows as knowledge's features land, one versioned schema per event. */
export const knowledgeContract: ServiceContract = { service: 'knowledge', events: {} };
