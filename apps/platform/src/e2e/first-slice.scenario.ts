import { issueDevToken } from '@collab/service-kit';
import { eventually } from '@collab/testing';

export interface Endpoints {
  /** Where intake's paths answer (the whole platform in embedded mode). */
  readonly intake: string;
  /** Where workflow's paths answer. */
  readonly workflow: string;
  readonly jwtSecret: string;
}

const json = async (response: Response): Promise<Record<string, unknown>> => (await response.json()) as Record<string, unknown>;

export const tokenFor = (secret: string, sub: string, audience: 'EXTERNAL' | 'INTERNAL' | 'PARTNER', roles: string[] = []) =>
  issueDevToken(secret, { sub, roles, audience });

export const aComplaint = {
  channel: 'app',
  audience: 'EXTERNAL',
  requester: { id: 'cust-4711', phone: '+8613800138000' },
  requestType: 'COMPLAINT',
  category: 'billing/wrong-charge',
  subject: '账单金额不对',
  description: '本月账单多扣了 30 元，请核实。',
  language: 'zh-Hans',
  region: 'GD-SZ',
};

/**
 * The first slice, through the public REST surface only: a contact opens a case in intake, the
 * event travels to workflow (Kafka or the in-process log), workflow routes it, and reading the
 * case shows it assigned to its queue.
 */
export const contactIsRoutedAndReadable = async (endpoints: Endpoints): Promise<Record<string, unknown>> => {
  const customer = await tokenFor(endpoints.jwtSecret, 'cust-4711', 'EXTERNAL');
  const submitted = await fetch(`${endpoints.intake}/api/v1/contacts`, {
    method: 'POST',
    headers: { authorization: `Bearer ${customer}`, 'content-type': 'application/json' },
    body: JSON.stringify(aComplaint),
  });
  expect(submitted.status).toBe(201);
  const accepted = await json(submitted);
  expect(accepted).toMatchObject({ status: 'ACKNOWLEDGED', caseId: expect.any(String), caseNumber: expect.stringMatching(/^GD-SZ-\d{8}-\d{6}$/) });

  const agent = await tokenFor(endpoints.jwtSecret, 'agent-1', 'INTERNAL', ['agent']);
  return eventually(async () => {
    const response = await fetch(`${endpoints.workflow}/api/v1/cases/${String(accepted['caseId'])}`, {
      headers: { authorization: `Bearer ${agent}` },
    });
    expect(response.status).toBe(200);
    const body = await json(response);
    expect(body).toMatchObject({
      id: accepted['caseId'],
      number: accepted['caseNumber'],
      acknowledgement: accepted['acknowledgement'],
      status: 'QUEUED',
      queue: 'complaints',
      subject: aComplaint.subject,
    });
    return body;
  }, { timeoutMs: 30_000, intervalMs: 100 });
};
