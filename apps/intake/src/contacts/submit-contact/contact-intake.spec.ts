import { defaultCalendars } from '@collab/business-calendar';
import { Conflict } from '@collab/domain-kernel';
import { InMemoryEventStore, type AppendResult, type EventStore, type StreamAppend } from '@collab/event-store';
import { defined, loadPlatformConfig } from '@collab/service-kit';
import { MovableClock, TEST_MONDAY_MORNING } from '@collab/testing';
import { ServicePromises } from '../../acknowledgement/service-promises';
import { CaseNumberAllocator } from '../../case-numbers/case-number-allocator';
import { CaseBook } from '../../cases/case-book';
import { IdentityOwners } from '../../customers/identity-owners';
import type { JoinWindow } from '../join-window/join-window';
import { ContactDecisions } from './contact-decisions';
import { ContactFactsReader } from './contact-facts';
import { ContactIntake } from './contact-intake';
import { contactRequestOf } from './contact-request';
import { ContactWriter } from './contact-writer';
import type { SubmitContactInput } from './submit-contact.request';

/** EventStoreDB's shape: no multi-stream transactions, appendMany one stream after another. */
class SequentialStore extends InMemoryEventStore {
  override readonly atomicMultiStream: boolean = false;
  override async appendMany(appends: readonly StreamAppend[]): Promise<AppendResult[]> {
    const results: AppendResult[] = [];
    for (const { streamId, events, expected } of appends) results.push(await this.append(streamId, events, expected));
    return results;
  }
}

const input = (overrides: Partial<SubmitContactInput> = {}): SubmitContactInput => ({
  channel: 'app',
  audience: 'EXTERNAL',
  requester: { id: 'cust-100', phone: '+8613800138000' },
  requestType: 'COMPLAINT',
  category: 'billing/wrong-charge',
  subject: '账单金额不对',
  description: '本月账单多扣了 30 元',
  region: 'GD-SZ',
  priority: 'NORMAL',
  ...overrides,
});

const intakeOn = (store: EventStore) => {
  const clock = new MovableClock(TEST_MONDAY_MORNING);
  const calendars = { require: (id: string) => Promise.resolve(defaultCalendars().find((calendar) => calendar.id === id)!) };
  // Workflow's catalogue not heard of yet: the built-in default process, as workflow itself would start the case on.
  const promises = new ServicePromises({ entries: () => Promise.resolve([]) }, calendars);
  const cases = new CaseBook(store, new CaseNumberAllocator(store), promises, calendars);
  const reader = new ContactFactsReader(store, new IdentityOwners());
  // The configured window: no administrator changed it.
  const configuredJoinWindow = { minutes: () => Promise.resolve(loadPlatformConfig({}).INTAKE_JOIN_WINDOW_MINUTES) } as Pick<JoinWindow, 'minutes'> as JoinWindow;
  const intake = new ContactIntake(reader, new ContactDecisions(clock, configuredJoinWindow, cases, reader), new ContactWriter(store));
  const channel = { id: 'app', kind: 'APP' as const, calendarId: '24x7', defaultLanguage: 'zh-Hans' };
  const submit = (body: SubmitContactInput, key?: string) => {
    const { occurredAt: _occurredAt, ...rest } = defined(body);
    const contact = { ...rest, channelKind: 'APP' as const, language: 'zh-Hans', occurredAt: clock.now().toISOString() };
    const origin = { actor: { id: 'agent-7', kind: 'user' as const }, correlationId: 'corr-1', ...(key === undefined ? {} : { idempotencyKey: key }) };
    return intake.accept(contactRequestOf({ contact, channel }, body, origin, 'any-key'));
  };
  return { submit };
};

/** Round trips to the store while `work` runs, by method. */
const roundTrips = async (store: EventStore, work: () => Promise<unknown>): Promise<Record<string, number>> => {
  const spies = (['append', 'appendMany', 'readStream', 'readStreams'] as const).map((name) => [name, jest.spyOn(store, name)] as const);
  await work();
  const counts = Object.fromEntries(spies.map(([name, spy]) => [name, spy.mock.calls.length]));
  for (const [, spy] of spies) spy.mockRestore();
  return counts;
};

describe('taking a contact in', () => {
  let store: InMemoryEventStore;
  beforeEach(() => (store = new InMemoryEventStore()));
  afterEach(() => store.close());

  it('costs one append and no read for a new customer, with or without a key, once the day’s numbers are reserved', async () => {
    const { submit } = intakeOn(store);
    await submit(input({ requester: { id: 'first' } }));
    expect(await roundTrips(store, () => submit(input({ requester: { id: 'cust-new' } })))).toEqual({ append: 0, appendMany: 1, readStream: 0, readStreams: 0 });
    expect(await roundTrips(store, () => submit(input({ requester: { id: 'cust-keyed' } }), 'key-1'))).toEqual({ append: 0, appendMany: 1, readStream: 0, readStreams: 0 });
  });

  it('reads the streams of a returning customer this replica has not met once the append that presumed them new is refused, and joins their case', async () => {
    const first = await intakeOn(store).submit(input());
    const head = await store.headPosition();
    const second = await intakeOn(store).submit(input());
    expect(second).toMatchObject({ caseId: first.caseId, customerId: first.customerId, joinedExistingCase: true, joinReason: 'SAME_CUSTOMER_AND_CATEGORY' });
    // The refused attempt wrote nothing of the contact (a replica's first new case reserves its block of numbers, used or not).
    const written = await store.readAll({ after: head, maxCount: 1_000 });
    expect(written.map((event) => event.type).filter((type) => type !== 'CaseNumbersReserved')).toEqual(['ContactAppended']);
  });

  it('answers a keyed request repeated on a replica that never saw it from the key’s record, writing nothing', async () => {
    const first = await intakeOn(store).submit(input({ requester: { id: 'cust-again' } }), 'refund-2');
    const head = await store.headPosition();
    expect(await intakeOn(store).submit(input({ requester: { id: 'cust-again' } }), 'refund-2')).toEqual(first);
    const written = await store.readAll({ after: head, maxCount: 1_000 });
    expect(written.map((event) => event.type).filter((type) => type !== 'CaseNumbersReserved')).toEqual([]);
  });

  it('costs one read more for a returning customer joining their case (the case joined)', async () => {
    const { submit } = intakeOn(store);
    const first = await submit(input());
    let second: Awaited<ReturnType<typeof submit>> | undefined;
    expect(await roundTrips(store, async () => (second = await submit(input())))).toEqual({ append: 0, appendMany: 1, readStream: 0, readStreams: 2 });
    expect(second).toMatchObject({ caseId: first.caseId, joinedExistingCase: true, joinReason: 'SAME_CUSTOMER_AND_CATEGORY' });
  });

  it.each([
    ['with multi-stream transactions', () => new InMemoryEventStore()],
    ['stream after stream (EventStoreDB)', () => new SequentialStore()],
  ])('answers twenty identical requests at once with one case and one answer, %s', async (_, makeStore) => {
    store = makeStore();
    const { submit } = intakeOn(store);
    const answers = await Promise.all(Array.from({ length: 20 }, () => submit(input({ requester: { id: 'cust-idem' } }), 'refund-1')));
    expect(new Set(answers.map((answer) => JSON.stringify(answer))).size).toBe(1);
    const log = await store.readAll({ after: 0n, maxCount: 1_000 });
    expect(log.filter((event) => event.type === 'CaseOpened')).toHaveLength(1);
    expect(log.filter((event) => event.type.startsWith('Idempotent'))).toHaveLength(1);
  });

  it.each([
    ['with multi-stream transactions', () => new InMemoryEventStore()],
    ['stream after stream (EventStoreDB)', () => new SequentialStore()],
  ])('places ten contacts of a new customer arriving at once in one case, %s', async (_, makeStore) => {
    store = makeStore();
    const { submit } = intakeOn(store);
    const answers = await Promise.all(Array.from({ length: 10 }, (_, index) => submit(input({ requester: { phone: '+8613900139000' }, subject: `#${index}` }))));
    expect(new Set(answers.map((answer) => answer.caseId)).size).toBe(1);
    expect(new Set(answers.map((answer) => answer.customerId)).size).toBe(1);
    expect(answers.filter((answer) => !answer.joinedExistingCase)).toHaveLength(1);
  });

  it('refuses the same key with another body and stores nothing', async () => {
    const { submit } = intakeOn(store);
    await submit(input({ requester: { id: 'cust-409' } }), 'plan-42');
    const head = await store.headPosition();
    await expect(submit(input({ requester: { id: 'cust-409' }, subject: 'Another subject' }), 'plan-42')).rejects.toBeInstanceOf(Conflict);
    expect(await store.headPosition()).toBe(head);
  });

  it('binds a thread to the first case, joins its customer’s later contacts on it, and records the case’s customer on the thread', async () => {
    const { submit } = intakeOn(store);
    const opened = await submit(input({ requester: { email: 'a@example.fi' }, threadRef: '<msg-1@example.fi>' }));
    const reply = await submit(input({ requester: { email: 'a@example.fi' }, threadRef: '<msg-1@example.fi>', category: 'plan/change' }));
    expect(reply).toMatchObject({ caseId: opened.caseId, customerId: opened.customerId, joinedExistingCase: true, joinReason: 'THREAD' });
    const log = await store.readAll({ after: 0n, maxCount: 1_000 });
    expect(log.filter((event) => event.type === 'ThreadStarted').map((event) => event.data)).toEqual([
      { threadRef: '<msg-1@example.fi>', caseId: opened.caseId, customerId: opened.customerId },
    ]);
  });

  it('scopes a thread to its customer: another customer’s contact with the reference opens its own case and leaves the thread where it was', async () => {
    const { submit } = intakeOn(store);
    const opened = await submit(input({ requester: { email: 'a@example.fi' }, threadRef: '<msg-1@example.fi>' }));
    const other = await submit(input({ requester: { email: 'b@example.fi' }, threadRef: '<msg-1@example.fi>', category: 'plan/change' }));
    const fresh = await submit(input({ requester: { email: 'c@example.fi' }, threadRef: '<msg-new@example.fi>', category: 'plan/change' }));
    expect(other.caseId).not.toBe(opened.caseId);
    expect(Object.keys(other).sort()).toEqual(Object.keys(fresh).sort());
    expect(other).toMatchObject({ joinedExistingCase: false });
    expect(JSON.stringify(other)).not.toContain(opened.caseId);
    const log = await store.readAll({ after: 0n, maxCount: 1_000 });
    expect(log.filter((event) => event.type.startsWith('Thread') && event.data['threadRef'] === '<msg-1@example.fi>').map((event) => event.type)).toEqual(['ThreadStarted']);
  });
});
