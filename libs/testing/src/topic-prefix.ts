import { randomBytes } from 'node:crypto';

/**
 * A KAFKA_TOPIC_PREFIX of one test's own: the processes it starts on the shared broker get topics
 * and consumer groups nobody else uses, so events another spec left unconsumed never reach them.
 */
export const ownTopicPrefix = (label: string): string => `${label}-${randomBytes(4).toString('hex')}.`;
