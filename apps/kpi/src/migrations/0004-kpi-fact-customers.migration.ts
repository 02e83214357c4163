import { sqlMigration } from '@collab/service-kit';

/**
 * The customer each fact is about, as pseudonymous keys (facts/customer-keys.ts): what links a
 * self-service answer to a case the same customer opens later (knowledge deflection). Read from
 * both sides: by the fact (an answer's customer) and by the key (the customer's other facts).
 */
export const KpiFactCustomers = sqlMigration('KpiFactCustomers1797076800000', [
  `create table if not exists kpi.fact_customer (event_id text not null, customer_key text not null, primary key (event_id, customer_key))`,
  `create index if not exists fact_customer_key on kpi.fact_customer (customer_key, event_id)`,
]);
