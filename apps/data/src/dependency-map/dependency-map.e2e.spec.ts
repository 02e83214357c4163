import { MovableClock } from '@collab/testing';
import { ANALYST, DataApp } from '../data.e2e-app';
import { aCase, collaborationRequested, pingPongDetected, taskCompleted, taskReturned, type TaskFixture } from '../testing/service-events.fixtures';

interface MapView {
  nodes: { id: string; kind: string }[];
  edges: { from: string; to: { kind: string; id: string }; volume: number; returned: number; returnRate: number; medianTurnaroundBusinessMinutes: number | null; pingPongs: number }[];
  bottlenecks: { from: string; to: string; reasons: string[] }[];
}

/*
 * Hand-computed on cn-standard (Mon–Fri 09:00–12:00, 13:30–18:00 Shanghai = UTC+8), Monday 30 Nov 2026:
 *   gd-front → billing     3 tasks at 09:00, completed 10:00, 11:00, 12:00 → 60, 120, 180: median 120, no returns
 *   gd-front → reseller-1  2 tasks at 09:00: one completed Tue 11:30 (450 Mon + 150 Tue = 600), one returned 09:30 (30): median 315, return rate 0.5
 *   billing  → network     1 task at 10:00, completed 11:30 → 90
 *   one ping-pong between gd-front and billing
 * Against the rest, reseller-1's 315 > 1.5 × median(120, 90) = 157.5 and its 0.5 return rate > 0 + 0.2: a bottleneck for both.
 */
const theCase = aCase();
let tasks = 0;
const task = (fromUnit: string, to: TaskFixture['to'], at: string): TaskFixture => ({ taskId: `task-${++tasks}`, caseId: theCase.caseId, fromUnit, to, at });
const billing = { kind: 'UNIT' as const, id: 'billing', region: 'GD' };
const reseller = { kind: 'PARTNER' as const, id: 'reseller-1', region: 'GD' };
const network = { kind: 'UNIT' as const, id: 'network', region: 'GD' };
const MON_0900 = '2026-11-30T01:00:00.000Z';
const toBilling = [task('gd-front', billing, MON_0900), task('gd-front', billing, MON_0900), task('gd-front', billing, MON_0900)];
const toReseller = [task('gd-front', reseller, MON_0900), task('gd-front', reseller, MON_0900)];
const toNetwork = task('billing', network, '2026-11-30T02:00:00.000Z');

describe('the service dependency map against a fixture', () => {
  let data: DataApp;

  beforeAll(async () => {
    data = await DataApp.start(new MovableClock('2026-12-02T00:00:00.000Z'));
    await data.feed(
      [...toBilling, ...toReseller, toNetwork].map(collaborationRequested),
      taskCompleted(toBilling[0]!, '2026-11-30T02:00:00.000Z'), taskCompleted(toBilling[1]!, '2026-11-30T03:00:00.000Z'), taskCompleted(toBilling[2]!, '2026-11-30T04:00:00.000Z'),
      taskCompleted(toReseller[0]!, '2026-12-01T03:30:00.000Z'), taskReturned(toReseller[1]!, '2026-11-30T01:30:00.000Z'),
      taskCompleted(toNetwork, '2026-11-30T03:30:00.000Z'),
      pingPongDetected(theCase.caseId, [{ kind: 'UNIT', id: 'billing' }, { kind: 'QUEUE', id: 'gd-front' }], '2026-11-30T05:00:00.000Z'),
      // A partner's side is the cube's partner, not a unit: it still counts on its edge.
      pingPongDetected(theCase.caseId, [{ kind: 'QUEUE', id: 'gd-front' }, { kind: 'PARTNER', id: 'reseller-1' }], '2026-11-30T06:00:00.000Z'),
    );
    await data.untilFacts(6 + 6 + 2);
  }, 60_000);

  afterAll(() => data?.stop());

  it('draws who serves whom with volume, median business turnaround, return rate and ping-pong per edge', async () => {
    const reply = await data.call<MapView>(ANALYST, '/api/v1/data/dependencies?from=2026-11-30T00:00:00Z&to=2026-12-07T00:00:00Z');
    expect(reply.status).toBe(200);
    expect(reply.body.edges).toEqual([
      { from: 'billing', to: { kind: 'UNIT', id: 'network' }, volume: 1, returned: 0, returnRate: 0, medianTurnaroundBusinessMinutes: 90, pingPongs: 0 },
      { from: 'gd-front', to: { kind: 'UNIT', id: 'billing' }, volume: 3, returned: 0, returnRate: 0, medianTurnaroundBusinessMinutes: 120, pingPongs: 1 },
      { from: 'gd-front', to: { kind: 'PARTNER', id: 'reseller-1' }, volume: 2, returned: 1, returnRate: 0.5, medianTurnaroundBusinessMinutes: 315, pingPongs: 1 },
    ]);
    expect(reply.body.nodes).toEqual(expect.arrayContaining([{ id: 'gd-front', kind: 'UNIT' }, { id: 'reseller-1', kind: 'PARTNER' }, { id: 'network', kind: 'UNIT' }, { id: 'billing', kind: 'UNIT' }]));
    expect(reply.body.bottlenecks).toEqual([{ from: 'gd-front', to: 'reseller-1', reasons: ['TURNAROUND', 'RETURNS'] }]);
  });

  it('leaves out hand-offs outside the window, and is for staff', async () => {
    expect((await data.call<MapView>(ANALYST, '/api/v1/data/dependencies?from=2026-12-01T00:00:00Z&to=2026-12-07T00:00:00Z')).body.edges).toEqual([]);
    expect((await data.call({ sub: 'c', audience: 'EXTERNAL' }, '/api/v1/data/dependencies')).status).toBe(403);
    expect((await data.call(ANALYST, '/api/v1/data/dependencies?from=monday')).status).toBe(400);
  });
});
