/** The five services of DESIGN.md §1, one event log and one Kafka topic each. */
export const SERVICE_NAMES = ['intake', 'workflow', 'knowledge', 'kpi', 'data'] as const;
export type ServiceName = (typeof SERVICE_NAMES)[number];

export const topicOf = (service: ServiceName): string => `collab.${service}.events.v1`;
export const deadLetterTopicOf = (service: ServiceName): string => `${topicOf(service)}.dlq`;
