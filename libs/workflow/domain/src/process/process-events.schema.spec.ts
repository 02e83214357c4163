import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { fold } from '@collab/domain-kernel';
import { workflowCaseDecider } from '../case.decider';
import { T0, registerAndRoute } from '../case.fixtures';
import { processStart } from '../case-process.fixtures';
import { DEFAULT_PROCESS_DEFINITION } from './default-process';
import { processDecider } from './process.decider';
import { OPEN_QUEUES, T1, billingComplaints, publish, retire } from './process.fixtures';

/*
 * The JSON Schemas of the events this feature adds (libs/contracts/schemas/workflow/), held
 * against what the deciders really produce: an event and its schema cannot drift apart.
 */
const schemaFolder = join(__dirname, '..', '..', '..', '..', 'contracts', 'schemas', 'workflow');
const ajv = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true });
addFormats(ajv);
for (const name of ['CaseProcessStarted', 'ProcessVersionPublished', 'ProcessRetired'])
  ajv.addSchema(JSON.parse(readFileSync(join(schemaFolder, `${name}.v1.schema.json`), 'utf8')));

const schemaErrorsOf = (event: { type: string; data: unknown }) =>
  ajv.validate(`urn:collab:schema:workflow:${event.type}:v1`, event.data) ? null : ajv.errors;

const caseId = '5f0c3a1e-8d2b-4c6f-9a71-3e2d1b0c9f84';

const processEvents = () => {
  const first = processDecider.decide(publish(), fold(processDecider, []), { now: T0, openQueues: OPEN_QUEUES });
  const second = processDecider.decide(
    publish({
      expectedVersion: 1,
      reason: null,
      definition: billingComplaints({
        routingRules: [
          {
            id: 'everything',
            when: {
              channel: ['app'],
              audience: ['EXTERNAL'],
              requestType: ['COMPLAINT'],
              category: ['billing'],
              region: ['GD'],
              priority: ['HIGH'],
              language: ['zh'],
              customerTier: ['VIP'],
            },
            queue: 'vip-care',
          },
        ],
      }),
    }),
    fold(processDecider, first),
    { now: T1, openQueues: OPEN_QUEUES },
  );
  const retired = processDecider.decide(retire(), fold(processDecider, [...first, ...second]), { now: T1, openQueues: OPEN_QUEUES });
  const defaultVersion = processDecider.decide(
    publish({ definition: DEFAULT_PROCESS_DEFINITION }),
    fold(processDecider, []),
    { now: T0, openQueues: OPEN_QUEUES },
  );
  return [...first, ...second, ...retired, ...defaultVersion];
};

const caseStarted = () =>
  workflowCaseDecider
    .decide({ ...registerAndRoute({ caseId }), process: processStart() }, { status: 'none' }, { now: T0 })
    .filter((event) => event.type === 'CaseProcessStarted');

describe('the events of versioned processes, as the deciders produce them', () => {
  const decided = [...processEvents(), ...caseStarted()];

  it('cover every new type', () =>
    expect(new Set(decided.map((event) => event.type))).toEqual(
      new Set(['ProcessVersionPublished', 'ProcessRetired', 'CaseProcessStarted']),
    ));

  it.each(decided.map((event, index) => [`${index} ${event.type}`, event] as const))(
    '%s is valid against its schema',
    (_name, event) => expect(schemaErrorsOf(event)).toBeNull(),
  );

  it('a field the schema does not name makes an event invalid', () => {
    const started = decided.find((event) => event.type === 'CaseProcessStarted')!;
    expect(schemaErrorsOf({ ...started, data: { ...started.data, customerTier: 'VIP' } })).not.toBeNull();
  });

  it('an escalation warning at 100% makes a version invalid', () => {
    const published = decided.find((event) => event.type === 'ProcessVersionPublished')!;
    const data = published.data as { process: { escalation: object } };
    const broken = { ...data, process: { ...data.process, escalation: { warnAtPercent: 100, levels: [] } } };
    expect(schemaErrorsOf({ type: published.type, data: broken })).not.toBeNull();
  });
});
