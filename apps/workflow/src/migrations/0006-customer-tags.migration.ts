import { sqlMigration } from '@collab/service-kit';

/** Workflow's read model of data's customer tags (CustomerTagged / CustomerUntagged), which routing rules may name. */
export const CustomerTags = sqlMigration('CustomerTags1797033600000', [
  `create table if not exists workflow.customer_tag (
     customer_id uuid not null, tag text not null, present boolean not null, version int not null, primary key (customer_id, tag))`,
]);
