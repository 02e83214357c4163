import type { ServiceContract } from '@collab/contracts';

/** What data publishes on `collab.data.events.v1`; it grows as data's features land, one versioned schema per event. */
export const dataContract: ServiceContract = { service: 'data', events: {} };
