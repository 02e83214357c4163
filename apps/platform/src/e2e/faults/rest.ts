import { Client } from 'pg';
import { issueDevToken } from '@collab/service-kit';
import type { Caller } from '../embedded-platform';

/* What the fault specs share: REST calls to spawned services, and SQL on the services' database. */

export interface Answer {
  readonly status: number;
  readonly body: Record<string, unknown>;
}

/** REST calls to services running as their own processes, with tokens signed by their shared secret. */
export class Rest {
  private readonly tokens = new Map<string, Promise<string>>();

  constructor(private readonly jwtSecret: string) {}

  async call(baseUrl: string, method: string, path: string, options: { caller?: Caller; body?: unknown } = {}): Promise<Answer> {
    const headers: Record<string, string> = {};
    if (options.caller) headers['authorization'] = `Bearer ${await this.token(options.caller)}`;
    if (options.body !== undefined) headers['content-type'] = 'application/json';
    const response = await fetch(`${baseUrl}${path}`, { method, headers, ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }) });
    const text = await response.text();
    return { status: response.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
  }

  /** Like `call`, but anything other than 2xx throws with what the service said. */
  async ok(baseUrl: string, method: string, path: string, options: { caller?: Caller; body?: unknown } = {}): Promise<Record<string, unknown>> {
    const answer = await this.call(baseUrl, method, path, options);
    if (answer.status >= 300) throw new Error(`${method} ${path} answered ${answer.status}: ${JSON.stringify(answer.body)}`);
    return answer.body;
  }

  private token(caller: Caller): Promise<string> {
    const key = JSON.stringify(caller);
    let token = this.tokens.get(key);
    if (!token) this.tokens.set(key, (token = issueDevToken(this.jwtSecret, { roles: [], ...caller })));
    return token;
  }
}

/** One query on the services' database, on a connection of its own. */
export const sql = async <Row extends object>(databaseUrl: string, text: string, values: unknown[] = []): Promise<Row[]> => {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return (await client.query<Row>(text, values)).rows;
  } finally {
    await client.end();
  }
};

/** A complaint of `requester`: with one customer each, no two contacts join one case. */
export const complaintOf = (requester: string, subject = '账单金额不对') => ({
  channel: 'app',
  audience: 'EXTERNAL',
  requester: { id: requester },
  requestType: 'COMPLAINT',
  category: 'billing/wrong-charge',
  subject,
  description: '本月账单多扣了 30 元，请核实。',
  language: 'zh-Hans',
  region: 'GD-SZ',
});
