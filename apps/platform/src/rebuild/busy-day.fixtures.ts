import { eventually } from '@collab/testing';
import type { CallResult, Caller, EmbeddedPlatform } from '../e2e/embedded-platform';
import { admin, customer, departmentStaff, frontLineAgent, partnerStaff, supervisor } from '../e2e/workflow/lifecycle-steps';

/*
 * A busy day on a platform, driven only through its public REST surface: the directory and the
 * catalogues changed by administrators, contacts from customers who come back (their contacts join
 * their open cases), and cases worked every way the lifecycle allows — owned, worked, helped by a
 * department or a partner (accepted, noted, urged, completed, returned, withdrawn), transferred,
 * resolved, confirmed, reopened, cancelled. Whatever the platform refuses (a race with the agent
 * assignment process, a case in the wrong state) is simply not part of the history.
 */

const AGENTS = ['agent-rb-1', 'agent-rb-2', 'agent-rb-3'];
const QUEUES = ['complaints', 'technical-support', 'front-line'];
const PARTNER = 'reseller-rb';
const billingClerk = departmentStaff('billing-clerk', 'billing');
const partnerAgent = partnerStaff('reseller-rb-agent', PARTNER);
/** How the help a case asks for ends, by the way it is worked. */
const HELP: Partial<Record<number, 'complete' | 'return' | 'withdraw'>> = { 2: 'complete', 3: 'return', 5: 'withdraw' };
const REQUESTS = [
  { requestType: 'COMPLAINT', category: 'billing/wrong-charge', subject: '账单金额不对' },
  { requestType: 'FAULT', category: 'network/no-signal', subject: '家里没有信号' },
  { requestType: 'INQUIRY', category: 'plan/change', subject: 'Vaihda liittymää' },
  { requestType: 'COMPLAINT', category: 'service-quality', subject: '营业厅排队太久' },
];

/** Runs `work` over `items`, `concurrency` at a time, as that many clients would. */
export const inParallel = async <T, R>(items: readonly T[], concurrency: number, work: (item: T, index: number) => Promise<R>): Promise<R[]> => {
  const results: R[] = [];
  let next = 0;
  const worker = async (): Promise<void> => {
    for (let index = next++; index < items.length; index = next++) results[index] = await work(items[index]!, index);
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return results;
};

export class BusyDay {
  constructor(private readonly platform: EmbeddedPlatform) {}

  private call(method: string, path: string, caller: Caller, body?: unknown): Promise<CallResult> {
    return this.platform.call(method, path, { caller, ...(body === undefined ? {} : { body }) });
  }

  /** Agents for the queues the contacts reach, a partner, and the catalogues changed a little. */
  async administer(): Promise<void> {
    for (const id of AGENTS)
      await this.call('POST', '/api/v1/org/agents', admin, { id, unitId: 'front-line', queues: QUEUES, languages: ['zh', 'en', 'fi'], capacity: 15, reason: 'joins the team' });
    await this.call('PATCH', `/api/v1/org/agents/${AGENTS[2]!}`, admin, { capacity: 25, reason: 'more hours' });
    await this.call('POST', '/api/v1/org/partners', admin, { id: PARTNER, names: { zh: PARTNER, en: PARTNER }, regions: ['GD-SZ'], calendarId: 'cn-standard', supervisorId: `${PARTNER}-supervisor`, reason: 'signed the underpinning contract' });
    await this.call('POST', '/api/v1/categories', admin, { id: 'billing/roaming', names: { zh: '漫游费', en: 'Roaming charges' } });
    await this.call('PATCH', '/api/v1/categories/billing/roaming', admin, { names: { zh: '国际漫游费', en: 'International roaming' } });
    await this.call('POST', '/api/v1/categories/device/retire', admin, { reason: 'sold through partners only' });
    await this.call('PATCH', '/api/v1/channels/app', admin, { name: 'Mobile app 2.0' });
    await this.call('POST', '/api/v1/channels/weibo/disable', admin, {});
    await this.call('POST', '/api/v1/channels/weibo/enable', admin, {});
    // A calendar no unit or queue runs on, defined and revised: the case course's clocks stay as they were.
    const allDay = Object.fromEntries(['1', '2', '3', '4', '5'].map((day) => [day, [{ start: '00:00', end: '24:00' }]]));
    await this.call('PUT', '/api/v1/calendars/rebuild-desk', admin, { name: 'Rebuild desk', timeZone: 'Etc/UTC', weeklyHours: allDay, holidays: [] });
    await this.call('PUT', '/api/v1/calendars/rebuild-desk', admin, { name: 'Rebuild desk (revised)', timeZone: 'Etc/UTC', weeklyHours: allDay, holidays: [] });
    await eventually(async () => {
      const listed = await this.call('GET', `/api/v1/org/agents?queueId=complaints`, admin);
      expect((listed.body['items'] as { id: string }[]).map((agent) => agent.id)).toEqual(expect.arrayContaining(AGENTS));
    });
  }

  /** `count` contacts from `customers` customers; answers the cases they opened or joined, in order. */
  async contacts(count: number, customers: number, from = 0): Promise<string[]> {
    const indexes = Array.from({ length: count }, (_, index) => from + index);
    return inParallel(indexes, 6, async (index) => {
      const requester = `cust-rb-${index % customers}`;
      const request = REQUESTS[index % REQUESTS.length]!;
      const body = { channel: 'app', audience: 'EXTERNAL', requester: { id: requester }, ...request, description: `第 ${index} 次来电`, language: 'zh-Hans', region: 'GD-SZ' };
      const answer = await this.call('POST', '/api/v1/contacts', customer(requester), body);
      if (answer.status !== 201) throw new Error(`contact ${index} answered ${answer.status}: ${JSON.stringify(answer.body)}`);
      return String(answer.body['caseId']);
    });
  }

  /** Works each case one of seven ways, `concurrency` cases at a time. */
  async work(caseIds: readonly string[], concurrency = 6): Promise<void> {
    await inParallel([...new Set(caseIds)], concurrency, (caseId, index) => this.workCase(caseId, index));
  }

  private async workCase(caseId: string, way: number): Promise<void> {
    const read = await eventually(async () => {
      const found = await this.call('GET', `/api/v1/cases/${caseId}`, supervisor);
      if (found.status !== 200 || !found.body['queue']) throw new Error(`case ${caseId} is not routed yet`);
      return found.body;
    });
    if (way % 7 === 0) return void (await this.onCase(caseId, 'cancel', supervisor, { reason: 'opened twice' }));
    const agent = await this.own(caseId, read, way);
    if (way % 7 === 4) return void (await this.onCase(caseId, 'transfer', supervisor, { queue: QUEUES[(way + 1) % QUEUES.length], reason: 'belongs elsewhere' }));
    await this.onCase(caseId, 'start', agent);
    const help = HELP[way % 7];
    if (help) await this.helped(caseId, agent, help);
    if (way % 7 === 6) return;
    await this.onCase(caseId, 'resolve', agent, { resolutionCode: 'REFUNDED', knowledgeArticleIds: [], note: '已处理' });
    const requester = customer(typeof read['requesterId'] === 'string' ? read['requesterId'] : 'cust-rb-0');
    if (help === 'return') await this.onCase(caseId, 'reopen', requester, { reason: '问题又出现了' });
    else await this.onCase(caseId, 'confirm', requester);
  }

  /** The agent who owns the case: the one the assignment process picked, or one a supervisor assigns. */
  private async own(caseId: string, read: Record<string, unknown>, way: number): Promise<Caller> {
    const owner = typeof read['assignee'] === 'string' ? read['assignee'] : AGENTS[way % AGENTS.length]!;
    if (read['assignee'] !== owner) await this.onCase(caseId, 'assign', supervisor, { agentId: owner, reason: 'knows the matter' });
    return frontLineAgent(owner);
  }

  /** Help from billing (or, when returned, the partner): requested, accepted, noted, urged, then ended as asked. */
  private async helped(caseId: string, owner: Caller, end: 'complete' | 'return' | 'withdraw'): Promise<void> {
    const [to, staff] = end === 'return' ? [{ kind: 'PARTNER', id: PARTNER }, partnerAgent] : [{ kind: 'UNIT', id: 'billing' }, billingClerk];
    const asked = await this.onCase(caseId, 'collaborations', owner, { to, reason: '请核实本月账单' });
    const taskId = asked.body['taskId'];
    if (typeof taskId !== 'string') return;
    const task = (command: string, caller: Caller, body?: unknown) => this.call('POST', `/api/v1/tasks/${taskId}/${command}`, caller, body);
    // The task stream is created a moment after the case asks for it.
    await eventually(async () => expect((await task('accept', staff)).status).not.toBe(404));
    await task('notes', staff, { note: '在查' });
    await task('urge', owner, { note: '客户第二次来电' });
    if (end === 'complete') await task('complete', staff, { result: '已退还 30 元' });
    if (end === 'return') await task('return', staff, { reasonCode: 'WRONG_UNIT', note: '应由计费部处理' });
    if (end === 'withdraw') await task('withdraw', owner, { reason: '客户已自行解决' });
    // The case learns how the task ended from the task's stream, a moment later.
    await eventually(async () => {
      const chain = (await this.call('GET', `/api/v1/cases/${caseId}`, supervisor)).body['chain'] as { taskId: string; status: string }[];
      expect(chain.find((link) => link.taskId === taskId)?.status).not.toBe('OPEN');
    });
  }

  private onCase(caseId: string, command: string, caller: Caller, body?: unknown): Promise<CallResult> {
    return this.call('POST', `/api/v1/cases/${caseId}/${command}`, caller, body);
  }
}
