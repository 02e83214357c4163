/**
 * The schema versions of workflow's stored events and the steps that lift older ones (the event
 * store's UpcastingEventStore runs them on every read; every append stamps the current version).
 * Plain data and functions: the domain says how its own events evolved.
 */
export const WORKFLOW_STORED_EVENTS = {
  current: { CaseRegistered: 2, CaseQueued: 1 },
  upcasters: [
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
