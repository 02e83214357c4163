import { aComplaint, tokenFor } from '../first-slice.scenario';

/** What a client saw that was not a 201, by kind, with a few examples for the failure message. */
export interface Refusals {
  /** 503 problem details with a Retry-After header: the answer a fault must give. */
  readonly unavailable: number;
  /** Anything else (a 500, a 503 without Retry-After, a reset connection, a timeout). */
  readonly other: string[];
}

export interface ContactLoad {
  /** Case id of every contact answered 201, by contact number. */
  readonly acknowledged: Map<number, string>;
  readonly refusals: Refusals;
  /** Resolves when every contact is acknowledged. */
  readonly done: Promise<void>;
  /** Makes clients give up after their current request (the test failed elsewhere). */
  abort(): void;
}

export interface ContactLoadOptions {
  readonly intake: string;
  readonly jwtSecret: string;
  readonly contacts: number;
  readonly clients: number;
  /** Tells contacts of one run apart from another's (their idempotency keys and customers). */
  readonly run: string;
  /** The longest a client honours a Retry-After before it asks again, so the test stays bounded. */
  readonly maxRetryWaitMs?: number;
  readonly requestTimeoutMs?: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Clients as a channel would be: each contact has its Idempotency-Key and is sent again after a
 * 503's Retry-After until it is acknowledged, so a fault may delay a contact but must not lose it
 * or turn it into a second case. Any answer other than 201 and 503 + Retry-After is recorded.
 */
export const startContactLoad = (options: ContactLoadOptions): ContactLoad => {
  const acknowledged = new Map<number, string>();
  const refusals = { unavailable: 0, other: [] as string[] };
  let aborted = false;
  let next = 0;
  /** The pause before the next try; records what was not a 201. */
  const pauseAfter = async (response: Response): Promise<number> => {
    const retryAfter = Number(response.headers.get('retry-after'));
    const isProblem = response.headers.get('content-type')?.startsWith('application/problem+json') === true;
    if (response.status === 503 && retryAfter > 0 && isProblem) {
      refusals.unavailable += 1;
      return Math.min(retryAfter * 1000, options.maxRetryWaitMs ?? 1_000);
    }
    refusals.other.push(`${response.status} retry-after=${response.headers.get('retry-after')}: ${(await response.text()).slice(0, 300)}`);
    return 200;
  };
  const submitOne = async (i: number, token: string): Promise<void> => {
    const body = JSON.stringify({ ...aComplaint, requester: { id: `cust-${options.run}-${i}` }, subject: `${aComplaint.subject} #${i}` });
    while (!aborted) {
      let wait = 200;
      try {
        const response = await fetch(`${options.intake}/api/v1/contacts`, {
          method: 'POST',
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'idempotency-key': `${options.run}-${i}` },
          body,
          signal: AbortSignal.timeout(options.requestTimeoutMs ?? 15_000),
        });
        if (response.status === 201) {
          acknowledged.set(i, ((await response.json()) as { caseId: string }).caseId);
          return;
        }
        wait = await pauseAfter(response);
      } catch (error) {
        const cause = (error as { cause?: { message?: string } }).cause;
        refusals.other.push(`no answer: ${(error as Error).message} ${cause?.message ?? ''}`);
      }
      await sleep(wait);
    }
  };
  const client = async (): Promise<void> => {
    // A channel submits for the customers it serves; a customer's own token speaks only for its sub.
    const token = await tokenFor(options.jwtSecret, `channel-${options.run}`, 'EXTERNAL', ['channel']);
    while (!aborted && next < options.contacts) await submitOne(next++, token);
  };
  const done = Promise.all(Array.from({ length: options.clients }, client)).then(() => undefined);
  return { acknowledged, refusals, done, abort: () => (aborted = true) };
};

/**
 * Waits until workflow's GET shows every case routed to its queue (several readers at once);
 * returns the ids of the cases still not routed when `timeoutMs` ran out.
 */
export const unroutedCases = async (workflow: string, jwtSecret: string, caseIds: readonly string[], timeoutMs: number): Promise<string[]> => {
  const agent = await tokenFor(jwtSecret, 'agent-1', 'INTERNAL', ['agent']);
  const deadline = Date.now() + timeoutMs;
  const waiting = [...caseIds];
  const unrouted: string[] = [];
  const routed = async (caseId: string): Promise<boolean> => {
    const response = await fetch(`${workflow}/api/v1/cases/${caseId}`, { headers: { authorization: `Bearer ${agent}` }, signal: AbortSignal.timeout(10_000) }).catch(() => undefined);
    if (response?.status !== 200) return false;
    const body = (await response.json()) as { status?: string; queue?: string };
    return body.queue === 'complaints' && (body.status === 'QUEUED' || body.status === 'ASSIGNED');
  };
  const reader = async (): Promise<void> => {
    for (let caseId = waiting.pop(); caseId !== undefined; caseId = waiting.pop()) {
      while (!(await routed(caseId))) {
        if (Date.now() > deadline) {
          unrouted.push(caseId);
          break;
        }
        await sleep(200);
      }
    }
  };
  await Promise.all(Array.from({ length: 8 }, reader));
  return unrouted;
};

/** True when `work` settles within `ms`, false when it does not (its timer cleared either way, so nothing outlives the test). */
export const settlesWithin = async (work: Promise<unknown>, ms: number): Promise<boolean> => {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), ms)));
  try {
    return await Promise.race([work.then(() => true), late]);
  } finally {
    clearTimeout(timer);
  }
};

/** The fault specs' load in CI, sized to the 2-core machine's time budget (each spec says why). */
export const CI_FAULT_CONTACTS = 400;

/**
 * A bound on work the load itself makes (its last contacts, routing every case, reading the topics)
 * for a load of `contacts`: as set for CI's 400, and that much longer for a larger load
 * (`FAULTS_CONTACTS=2000` and the like), so the full loads can be run as they are asked for.
 * Bounds on the platform's own behaviour (a takeover within 10 s, a refusal while the database is
 * away) do not grow.
 */
export const boundForLoad = (contacts: number) => (ms: number): number => Math.round(ms * Math.max(1, contacts / CI_FAULT_CONTACTS));
