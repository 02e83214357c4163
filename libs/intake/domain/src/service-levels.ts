import type { Priority, RequestType } from './contact';

/** Targets in business minutes on the channel's calendar. */
export interface ServiceLevel {
  readonly firstResponseMinutes: number;
  readonly resolutionMinutes: number;
}

const BY_PRIORITY: Readonly<Record<Priority, ServiceLevel>> = {
  URGENT: { firstResponseMinutes: 30, resolutionMinutes: 4 * 60 },
  HIGH: { firstResponseMinutes: 2 * 60, resolutionMinutes: 8 * 60 },
  NORMAL: { firstResponseMinutes: 4 * 60, resolutionMinutes: 3 * 8 * 60 },
  LOW: { firstResponseMinutes: 8 * 60, resolutionMinutes: 5 * 8 * 60 },
};

/** Requests that are usually answered on the spot get shorter resolution targets. */
const RESOLUTION_FACTOR: Readonly<Record<RequestType, number>> = {
  CONSULT: 0.5,
  INQUIRY: 0.5,
  TRANSACTION: 1,
  COMPLAINT: 1,
  FAULT: 1,
  SUGGESTION: 2,
  MARKETING: 1,
};

/**
 * The starting service-level table until versioned process definitions (workflow) supply
 * per-stage SLAs: by priority, with the resolution target scaled by the kind of request.
 */
export const serviceLevelFor = (requestType: RequestType, priority: Priority): ServiceLevel => {
  const level = BY_PRIORITY[priority];
  return { firstResponseMinutes: level.firstResponseMinutes, resolutionMinutes: Math.round(level.resolutionMinutes * RESOLUTION_FACTOR[requestType]) };
};
