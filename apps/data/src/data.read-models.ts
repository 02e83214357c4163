import type { ServiceReadModels } from '@collab/service-kit';
import { intakeFactEffect, knowledgeFactEffect, workflowFactEffect, type FactEffect } from './facts/fact-effects';
import { DATA_MIGRATIONS } from './migrations/data.migrations';
import { replaying } from './tags/tag-reviews';
import { CustomerTagsProjection, TagRulesProjection } from './tags/tags.projection';

/** A consumer's effect as a rebuild replays it: the same rows, no review asked again. */
const replayed = (effect: FactEffect): FactEffect => (event) => {
  const apply = effect(event);
  return apply && ((tx) => apply(replaying(tx)));
};

/**
 * The data service's read models for `npm run rebuild -- data <read-model>`. `facts` is the fact
 * store with its case and task dimensions: the cube's facts, the customer profiles and the
 * dependency map are all read from these tables (the map has none of its own). Its consumers
 * follow intake's, workflow's and knowledge's logs, so it is rebuilt from those. `tag-rules` and
 * `customer-tags` fold the rule and customer-tag streams of data's own log.
 */
export const dataReadModels: ServiceReadModels = {
  service: 'data',
  migrations: DATA_MIGRATIONS,
  entities: [],
  projections: [TagRulesProjection, CustomerTagsProjection],
  followed: [
    {
      name: 'facts',
      tables: ['data.fact', 'data.case_dim', 'data.task_dim'],
      sources: [
        { source: 'intake', effect: replayed(intakeFactEffect) },
        { source: 'workflow', effect: replayed(workflowFactEffect) },
        { source: 'knowledge', effect: replayed(knowledgeFactEffect) },
      ],
    },
  ],
};
