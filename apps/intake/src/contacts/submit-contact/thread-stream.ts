import { createHash } from 'node:crypto';

/** A thread reference can be long and of any shape; its stream is named by a hash of it. */
export const threadStreamId = (threadRef: string): string => `thread-${createHash('sha256').update(threadRef).digest('hex').slice(0, 40)}`;
