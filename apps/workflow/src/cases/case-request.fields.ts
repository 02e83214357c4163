import { z } from 'zod';

/** A person's reason for a step of the case: every event records it (DESIGN.md §4). */
export const reasonField = z.string().trim().min(1, { message: 'must not be empty' }).max(2000);

/** An id from the org directory (agent, queue, region). */
export const directoryIdField = z.string().trim().min(1, { message: 'must not be empty' }).max(100);

/** 超额: a supervisor's explicit decision to give an agent more cases than their capacity; recorded on the event. */
export const overrideCapacityField = z.boolean().default(false);
