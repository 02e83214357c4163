/**
 * The schema versions of workflow's stored events and the steps that lift older ones (the event
 * store's UpcastingEventStore runs them on every read; every append stamps the current version).
 * Plain data and functions: the domain says how its own events evolved.
 */
export const WORKFLOW_STORED_EVENTS = {
  current: {
    CaseRegistered: 2,
    CaseQueued: 1,
    CaseAssignedToAgent: 2,
    CaseReassigned: 2,
    CaseReopened: 2,
    QueueDefined: 2,
    QueueChanged: 2,
  },
  upcasters: [
    {
      // Before capacity overrides were recorded: none is known, so none is claimed.
      from: { type: 'CaseAssignedToAgent', version: 1 },
      to: { type: 'CaseAssignedToAgent', version: 2 },
      upcast: (data: { readonly [key: string]: unknown }) => ({ ...data, overCapacity: null }),
    },
    {
      from: { type: 'CaseReassigned', version: 1 },
      to: { type: 'CaseReassigned', version: 2 },
      upcast: (data: { readonly [key: string]: unknown }) => ({ ...data, overCapacity: null }),
    },
    {
      // Every version 1 reopening went back to its last owner.
      from: { type: 'CaseReopened', version: 1 },
      to: { type: 'CaseReopened', version: 2 },
      upcast: (data: { readonly [key: string]: unknown }) => ({ ...data, waitsForRoom: false }),
    },
    {
      // Every queue before the language rule preferred speakers and let others take a case.
      from: { type: 'QueueDefined', version: 1 },
      to: { type: 'QueueDefined', version: 2 },
      upcast: (data: { readonly [key: string]: unknown }) => ({ ...data, languageRule: 'PREFERRED' }),
    },
    {
      from: { type: 'QueueChanged', version: 1 },
      to: { type: 'QueueChanged', version: 2 },
      upcast: (data: { readonly [key: string]: unknown }) => data,
    },
    {
      // Stored before the tier was kept: unknown, as for a requester with no tier.
      from: { type: 'CaseRegistered', version: 1 },
      to: { type: 'CaseRegistered', version: 2 },
      upcast: (data: { readonly [key: string]: unknown }) => ({ ...data, customerTier: null }),
    },
    {
      // "Assigned" meant put in a queue, with no assignee; the data did not change.
      from: { type: 'CaseAssigned', version: 1 },
      to: { type: 'CaseQueued', version: 1 },
      upcast: (data: { readonly [key: string]: unknown }) => data,
    },
  ],
} as const;
