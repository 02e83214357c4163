import { fold } from '@collab/domain-kernel';
import { intakeCaseDecider, type Contact, type IntakeCaseCommand, type IntakeCaseEvent } from '@collab/intake-domain';
import { publishedFormOf } from '@collab/testing';
import { intakeContract } from './intake.contract';

const now = new Date('2026-11-20T09:30:00.000Z');
const caseId = '5f0c3a1e-8d2b-4c6f-9a71-3e2d1b0c9f84';
const customerId = '9d3c2b1a-7e6f-4a5b-8c9d-0e1f2a3b4c5d';

const contact = (contactId: string): Contact => ({
  contactId,
  customerId,
  channel: 'app',
  channelKind: 'APP',
  audience: 'EXTERNAL',
  requester: { id: 'cust-1', name: '王小明', phone: '+8613800138000', email: 'xiaoming@example.com', tier: 'GOLD' },
  requestType: 'COMPLAINT',
  category: 'billing/wrong-charge',
  subject: '账单金额不对',
  description: '本月账单多扣了 30 元',
  language: 'zh-Hans',
  region: 'GD-SZ',
  priority: 'NORMAL',
  occurredAt: '2026-11-20T09:29:00.000Z',
});

const openCase: IntakeCaseCommand = {
  type: 'OpenCase',
  caseId,
  caseNumber: 'GD-SZ-20261120-000001',
  customerId,
  contact: contact('0b6f1f7c-3c1e-4f0e-9d8a-2b7c5e4a1d93'),
  expected: { firstResponseBy: '2026-11-20T10:30:00.000Z', resolveBy: '2026-11-23T09:30:00.000Z', calendarId: 'cn-standard', coverage: { complete: true, announcedThrough: '2026-12-31', warning: null } },
};
const appendContact: IntakeCaseCommand = { type: 'AppendContact', contact: contact('c0ffee00-0000-4000-8000-000000000002'), reason: 'THREAD' };

const decided = (given: readonly IntakeCaseEvent[], command: IntakeCaseCommand) =>
  intakeCaseDecider.decide(command, fold(intakeCaseDecider, given), { now });

describe("intake's contract: the case decider's real output on the topic", () => {
  const opened = decided([], openCase);
  const appended = decided(opened, appendContact);

  it.each([...opened, ...appended].map((event) => [event.type, event] as const))('%s is valid against its public schema', (_type, event) =>
    expect(publishedFormOf(intakeContract, event)).toMatchObject({ published: true, errors: null }));

  it.each([
    ['CaseOpened', opened[0]!, (data: Record<string, unknown>) => data['requester']],
    ['ContactAppended', appended[0]!, (data: Record<string, unknown>) => (data['contact'] as Record<string, unknown>)['requester']],
  ] as const)("%s carries the customer id and the requester's id and tier, never their name, phone or email", (_type, event, requesterOf) => {
    const { data } = publishedFormOf(intakeContract, event);
    expect(JSON.stringify(data)).toContain(customerId);
    expect(requesterOf(data!)).toEqual({ id: 'cust-1', tier: 'GOLD' });
    expect(JSON.stringify(data)).not.toMatch(/王小明|8613800138000|xiaoming@example\.com/);
  });
});
