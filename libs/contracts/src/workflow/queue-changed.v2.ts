import { z } from 'zod';
import { publicEvent, upcastFrom } from '../published-language/public-event';
import { languageRuleField } from './queue-defined.v2';
import { queueChangedV1 } from './queue-changed.v1';

const { queueId, unitId, name, skills, ...madeBy } = queueChangedV1.data.shape;

/** v2 may carry a new language rule. */
export const queueChangedV2 = publicEvent({
  service: 'workflow',
  type: 'QueueChanged',
  version: 2,
  description:
    'Some settings of a queue changed (name, skills, owning unit, language rule); only those are carried.',
  // v1's fields in v1's order, the language rule before who made the change.
  data: z.strictObject({ queueId, unitId, name, skills, languageRule: languageRuleField.optional(), ...madeBy }),
  examples: [
    {
      queueId: 'complaints',
      languageRule: 'REQUIRED',
      actor: {
        id: 'admin-zhao',
        kind: 'user',
      },
      reason: 'an English case went to an agent who does not speak English',
      changedAt: '2026-11-23T02:00:00.000Z',
    },
  ],
  upcastFrom: upcastFrom(queueChangedV1, (v1) => v1),
});
