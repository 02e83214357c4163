import type { ServiceContract } from '@collab/contracts';

/** What kpi publishes on `collab.kpi.events.v1`; it grows as kpi's features land, one versioned schema per event. */
export const kpiContract: ServiceContract = { service: 'kpi', events: {} };
