/**
 * The schema versions of intake's stored events and the steps that lift older ones (the event
 * store's UpcastingEventStore runs them on every read; every append stamps the current version).
 */
export const INTAKE_STORED_EVENTS = {
  current: { CaseAcknowledged: 2 },
  upcasters: [
    {
      // Acknowledged before the coverage was recorded: unknown, not claimed complete.
      from: { type: 'CaseAcknowledged', version: 1 },
      to: { type: 'CaseAcknowledged', version: 2 },
      upcast: (data: { readonly [key: string]: unknown }) => ({ ...data, coverage: null }),
    },
  ],
} as const;
