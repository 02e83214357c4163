import {
  caseAssignedV1,
  caseRegisteredV1,
  readerFor,
  workflowLanguage,
  type CollabEvent,
  type PublicEvent,
} from '@collab/contracts';
import { publishedFormOf } from '@collab/testing';
import { workflowCaseDecider, type CaseSummary } from '@collab/workflow-domain';
import { workflowContract } from './workflow.contract';

const summary: CaseSummary = {
  caseId: '5f0c3a1e-8d2b-4c6f-9a71-3e2d1b0c9f84',
  channel: 'app',
  audience: 'EXTERNAL',
  requestType: 'COMPLAINT',
  category: 'billing/wrong-charge',
  region: 'GD-SZ',
  priority: 'NORMAL',
  language: 'zh-Hans',
  subject: '账单金额错误',
  description: 'Charged twice',
  openedAt: '2026-11-23T02:00:00.000Z',
};
const now = new Date('2026-11-23T02:00:01.000Z');
const registered = (customerTier?: string) =>
  workflowCaseDecider.decide(
    { type: 'RegisterAndRouteCase', summary, ...(customerTier === undefined ? {} : { customerTier }) },
    workflowCaseDecider.initialState(),
    { now },
  );

const envelopeOf = (definition: PublicEvent, data: object): CollabEvent => ({
  specversion: '1.0',
  id: 'e-1',
  source: '/collab/workflow',
  type: definition.eventType,
  subject: `case-${summary.caseId}`,
  time: '2026-11-23T02:00:00.000Z',
  datacontenttype: 'application/json',
  dataschema: definition.schemaId,
  data: { ...data },
  streamversion: 1,
  position: '1',
  correlationid: 'c-1',
  actor: 'service:workflow',
});

describe("workflow's contract, on what its decider really decides", () => {
  it.each([['VIP'], [undefined]])(
    'publishes a case registered (tier %s) and queued as CaseRegistered v2 and CaseQueued v1, valid against their schemas',
    (tier) => {
      const forms = registered(tier).map((event) => publishedFormOf(workflowContract, event));
      expect(forms.slice(0, 2)).toMatchObject([
        { type: 'collab.workflow.CaseRegistered.v2', errors: null, data: { customerTier: tier ?? null } },
        {
          type: 'collab.workflow.CaseQueued.v1',
          errors: null,
          data: { caseId: summary.caseId, queuedAt: now.toISOString() },
        },
      ]);
    },
  );

  it('reads what main published before the change as the newest version: CaseRegistered v1 with tier unknown, CaseAssigned v1 as CaseQueued', () => {
    const reader = readerFor(workflowLanguage);
    const { audience: _audience, ...rest } = summary;
    // Literal payloads as main published them (collab.workflow.CaseRegistered.v1 / CaseAssigned.v1).
    expect(reader.read(envelopeOf(caseRegisteredV1, { ...rest, audience: 'EXTERNAL' }))).toMatchObject({
      type: 'CaseRegistered',
      version: 2,
      data: { caseId: summary.caseId, customerTier: null },
    });
    expect(
      reader.read(
        envelopeOf(caseAssignedV1, {
          caseId: summary.caseId,
          queue: 'complaints',
          ruleId: 'complaints',
          assignedAt: '2026-11-23T02:00:01.000Z',
        }),
      ),
    ).toEqual(
      expect.objectContaining({
        type: 'CaseQueued',
        version: 1,
        data: {
          caseId: summary.caseId,
          queue: 'complaints',
          ruleId: 'complaints',
          queuedAt: '2026-11-23T02:00:01.000Z',
        },
      }),
    );
  });
});
