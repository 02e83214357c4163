/**
 * The open-loop half of the contacts bench: contacts sent on a schedule, whatever the answers
 * before them did, and a sample of their cases followed on workflow until they show routed.
 */
import { randomBytes } from 'node:crypto';
import type { StartedService } from '../kit/bench-kit';

/**
 * The open-loop loads: these many contacts a second (the 200, and a tenth of it to show the
 * pipeline unloaded), each for this long, each contact followed until routed or out of patience.
 */
export const ROUTED = {
  rates: (process.env['BENCH_ROUTED_RATES'] ?? '20,200').split(',').map(Number),
  ms: Number(process.env['BENCH_ROUTED_MS'] ?? 15_000),
  /** Cases followed a second at most (every n-th contact): the reads must not become the load. */
  followedPerSecond: 20,
  /** A followed case is read again after a tenth of the time it has waited, within these bounds. */
  pollMs: { least: 10, most: 500 },
  patienceMs: 15_000,
};
export const followEvery = (rate: number): number => Math.max(1, Math.ceil(rate / ROUTED.followedPerSecond));
export const pollAfter = (waitedMs: number): number => Math.min(ROUTED.pollMs.most, Math.max(ROUTED.pollMs.least, waitedMs / 10));
/** No single request of ours waits longer (autocannon's own timeout is 10 s). */
export const REQUEST_TIMEOUT_MS = 30_000;

export const CONTACT_FIELDS = {
  channel: 'app',
  audience: 'EXTERNAL',
  requestType: 'COMPLAINT',
  category: 'billing/wrong-charge',
  subject: '账单金额不对',
  description: '本月账单多扣了 30 元，请核实。',
  region: 'GD-SZ',
};
const contactFrom = (requester: string): string => JSON.stringify({ ...CONTACT_FIELDS, requester: { id: requester } });

/** The open-loop run: what was sent on schedule, what was accepted, what showed routed and when. */
export interface Routed {
  readonly rate: number;
  readonly scheduled: number;
  readonly seconds: number;
  /** The latest a send started after its scheduled time: the generator keeping (or not) its rate. */
  readonly maxSendLagMs: number;
  readonly accepted: number;
  readonly refused: number;
  readonly acceptedMs: readonly number[];
  /** Of the followed contacts. */
  readonly routedMs: readonly number[];
  readonly followed: number;
  /** Followed, accepted, but not shown routed within the patience. */
  readonly unrouted: number;
  readonly reads: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export interface Endpoints {
  /** Where POST /api/v1/contacts answers. */
  readonly intake: string;
  /** Where GET /api/v1/cases/{id} answers. */
  readonly workflow: string;
  /** The service processes, for their peak RSS. */
  readonly processes: readonly { readonly service: string; readonly process: StartedService }[];
}

export const submit = async (endpoints: Endpoints, token: string, requester: string): Promise<Response> =>
  fetch(`${endpoints.intake}/api/v1/contacts`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: contactFrom(requester),
    signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
  });

/** True once workflow's GET shows the case in a queue; a 404 (not projected yet) or no queue is "not yet". */
export const showsRouted = async (endpoints: Endpoints, token: string, caseId: string): Promise<boolean> => {
  const response = await fetch(`${endpoints.workflow}/api/v1/cases/${caseId}`, {
    headers: { authorization: `Bearer ${token}` },
    signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
  });
  if (response.status === 404) {
    await response.arrayBuffer();
    return false;
  }
  if (response.status !== 200) throw new Error(`GET /api/v1/cases/${caseId} answered ${response.status}: ${await response.text()}`);
  const body = (await response.json()) as { queue?: string | null };
  return typeof body.queue === 'string' && body.queue.length > 0;
};

/**
 * One contact, followed until workflow shows it routed. Before any load: a refusal is reported with
 * its body instead of as seconds of 4xx, and the distributed consumer has joined its group. After
 * the closed loop: workflow has worked off the backlog it left (the embedded log is one ordered
 * feed; in the distributed mode the probe's partition has).
 */
export const untilRouted = async (endpoints: Endpoints, token: string, purpose: string): Promise<void> => {
  const deadline = Date.now() + 300_000;
  // A server still working off a backlog may let the POST time out: that is "not yet", until the deadline.
  let response: Response | undefined;
  while (response === undefined) {
    response = await submit(endpoints, token, `${purpose}-${randomBytes(6).toString('hex')}`).catch((error: unknown) => {
      if (Date.now() > deadline) throw error;
      return undefined;
    });
  }
  if (response.status !== 201)
    throw new Error(`POST /api/v1/contacts answered ${response.status}: ${await response.text()}`);
  const { caseId } = (await response.json()) as { caseId: string };
  while (!(await showsRouted(endpoints, token, caseId).catch(() => false))) {
    if (Date.now() > deadline) throw new Error(`the ${purpose} case ${caseId} was not routed within 300 s`);
    await sleep(200);
  }
};

export const percentile = (values: readonly number[], p: number): number => {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
};

/**
 * Open loop: contact i is sent at start + i / rate whatever the answers before it did, so a slow
 * server meets the same arrivals (closed-loop clients would slow down with it). Each accepted case
 * is then read on workflow every `pollMs` until it shows a queue; the time is from the send.
 */
export const measureRouted = async (rate: number, endpoints: Endpoints, token: string): Promise<Routed> => {
  const scheduled = Math.floor((rate * ROUTED.ms) / 1000);
  const acceptedMs: number[] = [];
  const routedMs: number[] = [];
  let refused = 0;
  let unrouted = 0;
  let reads = 0;
  let maxSendLagMs = 0;
  const run = randomBytes(4).toString('hex');
  const every = followEvery(rate);
  let followed = 0;
  const follow = async (index: number, sentAt: number): Promise<void> => {
    const response = await submit(endpoints, token, `routed-${run}-${index}`).catch(() => undefined);
    if (response?.status !== 201) {
      refused += 1;
      await response?.arrayBuffer().catch(() => undefined);
      return;
    }
    acceptedMs.push(performance.now() - sentAt);
    if (index % every !== 0) {
      await response.arrayBuffer().catch(() => undefined);
      return;
    }
    followed += 1;
    const { caseId } = (await response.json().catch(() => ({}))) as { caseId: string };
    while (performance.now() - sentAt < ROUTED.patienceMs) {
      reads += 1;
      if (await showsRouted(endpoints, token, caseId).catch(() => false)) {
        routedMs.push(performance.now() - sentAt);
        return;
      }
      await sleep(pollAfter(performance.now() - sentAt));
    }
    unrouted += 1;
  };
  const started = performance.now();
  const pending: Promise<void>[] = [];
  for (let index = 0; index < scheduled; index++) {
    const due = started + (index * 1000) / rate;
    const wait = due - performance.now();
    if (wait > 0) await sleep(wait);
    maxSendLagMs = Math.max(maxSendLagMs, performance.now() - due);
    pending.push(follow(index, due));
  }
  const seconds = (performance.now() - started) / 1000;
  await Promise.all(pending);
  return {
    rate,
    scheduled,
    seconds,
    maxSendLagMs,
    accepted: acceptedMs.length,
    refused,
    acceptedMs,
    routedMs,
    followed,
    unrouted,
    reads,
  };
};
