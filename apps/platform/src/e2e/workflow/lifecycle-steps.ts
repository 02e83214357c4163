import { eventually } from '@collab/testing';
import type { CallResult, Caller, EmbeddedPlatform } from '../embedded-platform';

/*
 * The steps the case-lifecycle and collaboration specs share, all through the public REST surface;
 * those with a fixed path through the client generated from the OpenAPI document (platform.api).
 */

export const customer = (sub: string): Caller => ({ sub, audience: 'EXTERNAL' });
export const frontLineAgent = (sub: string): Caller => ({
  sub,
  audience: 'INTERNAL',
  roles: ['agent'],
  unit: 'front-line',
});
export const supervisor: Caller = {
  sub: 'front-line-supervisor',
  audience: 'INTERNAL',
  roles: ['supervisor'],
  unit: 'front-line',
};
export const admin: Caller = { sub: 'workflow-admin', audience: 'INTERNAL', roles: ['admin'] };
export const departmentStaff = (sub: string, unit: string): Caller => ({
  sub,
  audience: 'INTERNAL',
  roles: ['back-office'],
  unit,
});
export const partnerStaff = (sub: string, partner: string): Caller => ({
  sub,
  audience: 'PARTNER',
  roles: ['partner-agent'],
  partner,
});

export type CaseStage =
  'queued' | 'assigned' | 'in-progress' | 'collaborating' | 'resolved' | 'closed' | 'cancelled';

const expectOk = (answer: CallResult, what: string): CallResult => {
  if (answer.status >= 300)
    throw new Error(`${what} answered ${answer.status}: ${JSON.stringify(answer.body)}`);
  return answer;
};

export class LifecycleSteps {
  constructor(private readonly platform: EmbeddedPlatform) {}

  /** Enrols an agent of the front line in a queue through the org API, as an administrator does. */
  async enrolAgent(agentId: string, queue: string, capacity = 20): Promise<void> {
    const body = {
      id: agentId,
      unitId: 'front-line',
      queues: [queue],
      languages: ['zh', 'en'],
      capacity,
      reason: 'joins the team',
    };
    const enrolled = await this.platform.api(admin).POST('/api/v1/org/agents', { body });
    if (!enrolled.data) throw new Error(`enrolling ${agentId} answered ${enrolled.response.status}: ${JSON.stringify(enrolled.error)}`);
    // The directory answers who works a queue from its read model: wait until it lists the agent.
    await eventually(async () => {
      const listed = await this.platform.api(admin).GET('/api/v1/org/agents', { params: { query: { queueId: queue } } });
      expect(listed.data?.items.map((agent) => agent.id)).toContain(agentId);
    });
  }

  /** Registers a partner organisation through the org API. */
  async registerPartner(partnerId: string, region: string): Promise<void> {
    const body = {
      id: partnerId,
      names: { zh: partnerId, en: partnerId },
      regions: [region],
      calendarId: 'cn-standard',
      supervisorId: `${partnerId}-supervisor`,
      reason: 'signed the underpinning contract',
    };
    const registered = await this.platform.api(admin).POST('/api/v1/org/partners', { body });
    if (!registered.data) throw new Error(`registering ${partnerId} answered ${registered.response.status}: ${JSON.stringify(registered.error)}`);
  }

  /** A complaint from `requester`, opened by intake and routed by workflow to the complaints queue. */
  async openComplaint(requester: string, overrides: Record<string, unknown> = {}): Promise<string> {
    const contact = {
      channel: 'app',
      audience: 'EXTERNAL',
      requester: { id: requester },
      requestType: 'COMPLAINT',
      category: 'billing/wrong-charge',
      subject: '账单金额不对',
      description: '本月账单多扣了 30 元，请核实。',
      language: 'zh-Hans',
      region: 'GD-SZ',
      ...overrides,
    };
    const submitted = expectOk(
      await this.platform.call('POST', '/api/v1/contacts', { caller: customer(requester), body: contact }),
      'submitting a contact',
    );
    const caseId = String(submitted.body['caseId']);
    await eventually(async () =>
      expect((await this.read(caseId)).body).toMatchObject({
        queue: 'complaints',
        number: expect.any(String),
      }),
    );
    return caseId;
  }

  read(caseId: string, caller: Caller = supervisor): Promise<CallResult> {
    return this.platform.call('GET', `/api/v1/cases/${caseId}`, { caller });
  }

  act(caseId: string, command: string, caller: Caller, body?: unknown): Promise<CallResult> {
    return this.platform.call('POST', `/api/v1/cases/${caseId}/${command}`, {
      caller,
      ...(body === undefined ? {} : { body }),
    });
  }

  /** A command sent with extra headers, e.g. X-Correlation-Id. */
  actWith(
    caseId: string,
    command: string,
    caller: Caller,
    request: { body?: unknown; headers: Record<string, string> },
  ): Promise<CallResult> {
    return this.platform.call('POST', `/api/v1/cases/${caseId}/${command}`, { caller, ...request });
  }

  async history(caseId: string): Promise<Record<string, unknown>[]> {
    const { data, error, response } = await this.platform.api(supervisor).GET('/api/v1/cases/{id}/history', { params: { path: { id: caseId }, query: { limit: 200 } } });
    if (!data) throw new Error(`reading history answered ${response.status}: ${JSON.stringify(error)}`);
    return data.items;
  }

  /**
   * Makes `owner` the case's owner. The assignment process manager may have been first — the owner
   * is then the only agent of the queue with room — and the supervisor's command finds it assigned.
   */
  async assign(caseId: string, owner: string): Promise<CallResult> {
    // Agents enrolled with capacity 0 are given cases only by the supervisor's explicit override.
    const body = { agentId: owner, reason: 'knows billing complaints', overrideCapacity: true };
    const answer = await this.act(caseId, 'assign', supervisor, body);
    if (answer.status !== 409) return answer;
    const current = await this.read(caseId);
    return current.body['assignee'] === owner ? current : answer;
  }

  /**
   * A fresh complaint of `requester` driven to `stage` with `owner` owning it (an agent of the
   * complaints queue). `collaborating` asks `helper` (billing by default) for help.
   */
  async caseAt(
    stage: CaseStage,
    requester: string,
    owner: string,
    helper = { kind: 'UNIT', id: 'billing' },
  ): Promise<string> {
    const caseId = await this.openComplaint(requester);
    const steps: [CaseStage, () => Promise<CallResult>][] = [
      ['assigned', () => this.assign(caseId, owner)],
      ['in-progress', () => this.act(caseId, 'start', frontLineAgent(owner))],
      [
        'resolved',
        () =>
          this.act(caseId, 'resolve', frontLineAgent(owner), {
            resolutionCode: 'REFUNDED',
            knowledgeArticleIds: ['kb-refunds'],
            note: 'refunded 30 yuan',
          }),
      ],
      ['closed', () => this.act(caseId, 'confirm', customer(requester))],
    ];
    if (stage === 'queued') return caseId;
    if (stage === 'cancelled') {
      expectOk(await this.act(caseId, 'cancel', supervisor, { reason: 'opened twice' }), 'cancel');
      return caseId;
    }
    for (const [reached, step] of steps) {
      if (stage === 'collaborating' && reached === 'resolved') break;
      expectOk(await step(), `driving the case to ${reached}`);
      if (reached === stage) return caseId;
    }
    expectOk(
      await this.act(caseId, 'collaborations', frontLineAgent(owner), {
        to: helper,
        reason: 'please check the charge',
      }),
      'asking for help',
    );
    return caseId;
  }
}
