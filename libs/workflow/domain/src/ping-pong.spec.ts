import fc from 'fast-check';
import type { Party } from '@collab/domain-kernel';
import { bouncesByPair, detectPingPong, pairKey, type Handoff, type PingPongCheck } from './ping-pong';

/** A party by id: `q-…` a queue, `p-…` a partner, else a unit. */
const party = (id: string): Party => ({ kind: id.startsWith('q-') ? 'QUEUE' : id.startsWith('p-') ? 'PARTNER' : 'UNIT', id });
const handoff = (from: string, to: string, kind: Handoff['kind'] = 'REQUEST'): Handoff => ({
  from: party(from),
  to: party(to),
  at: '2026-11-20T09:30:00.000Z',
  kind,
});
const check = (overrides: Partial<PingPongCheck> = {}): PingPongCheck => ({
  caseId: 'case-1',
  maxBounces: 2,
  supervisors: { billing: 'sup-chen', stores: 'sup-wang' },
  alreadyRaised: [],
  at: '2026-11-20T10:00:00.000Z',
  ...overrides,
});
/** n hand-offs back and forth, starting a → b. */
const alternating = (a: string, b: string, n: number): Handoff[] =>
  Array.from({ length: n }, (_, index) => (index % 2 === 0 ? handoff(a, b) : handoff(b, a, 'RETURN')));

describe('counting bounces between two parties', () => {
  it('counts each reversal of direction, not each hand-off', () =>
    expect(bouncesByPair(alternating('stores', 'billing', 4))).toEqual([
      { sides: [party('stores'), party('billing')], bounces: 3 },
    ]));

  it('does not count asking the same unit again', () =>
    expect(
      bouncesByPair([
        handoff('stores', 'billing'),
        handoff('stores', 'billing'),
        handoff('stores', 'billing'),
      ]),
    ).toEqual([{ sides: [party('stores'), party('billing')], bounces: 0 }]));

  it('keeps pairs apart', () =>
    expect(
      bouncesByPair([handoff('a', 'b'), handoff('b', 'c'), handoff('b', 'a'), handoff('c', 'b')]),
    ).toEqual([
      { sides: [party('a'), party('b')], bounces: 1 },
      { sides: [party('b'), party('c')], bounces: 1 },
    ]));
});

describe('detecting ping-pong', () => {
  it('raises PingPongDetected naming both parties with their kinds and supervisors when bounces exceed the threshold', () =>
    expect(detectPingPong(alternating('q-stores', 'billing', 4), check({ supervisors: { billing: 'sup-chen', 'q-stores': 'sup-wang' } }))).toEqual([
      {
        type: 'PingPongDetected',
        data: {
          caseId: 'case-1',
          sides: [
            { party: { kind: 'QUEUE', id: 'q-stores' }, supervisorId: 'sup-wang' },
            { party: { kind: 'UNIT', id: 'billing' }, supervisorId: 'sup-chen' },
          ],
          bounces: 3,
          maxBounces: 2,
          detectedAt: '2026-11-20T10:00:00.000Z',
        },
      },
    ]));

  it('stays quiet at the threshold', () =>
    expect(detectPingPong(alternating('stores', 'billing', 3), check())).toEqual([]));

  it('names a partner as a partner, and a party without a supervisor with null', () =>
    expect(detectPingPong(alternating('stores', 'p-reseller', 4), check())[0]?.data.sides[1]).toEqual({
      party: { kind: 'PARTNER', id: 'p-reseller' },
      supervisorId: null,
    }));

  it('does not raise a pair again', () =>
    expect(
      detectPingPong(
        alternating('stores', 'billing', 6),
        check({ alreadyRaised: [pairKey('billing', 'stores')] }),
      ),
    ).toEqual([]));
});

describe('ping-pong properties', () => {
  const unit = fc.constantFrom('a', 'b', 'q-c', 'p-d', 'e');
  const handoffs = fc.array(
    fc.tuple(unit, unit).map(([from, to]) => handoff(from, to)),
    { maxLength: 40 },
  );

  it('back and forth n times is n − 1 bounces, raised exactly when over the threshold', () =>
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 30 }), fc.integer({ min: 0, max: 10 }), (n, maxBounces) => {
        expect(bouncesByPair(alternating('a', 'b', n))[0]?.bounces).toBe(n - 1);
        expect(detectPingPong(alternating('a', 'b', n), check({ maxBounces }))).toHaveLength(
          n - 1 > maxBounces ? 1 : 0,
        );
      }),
    ));

  it('a pair’s count depends only on the hand-offs between the two of them', () =>
    fc.assert(
      fc.property(handoffs, (history) => {
        const between = (p: Party, q: Party) =>
          history.filter(({ from, to }) => pairKey(from.id, to.id) === pairKey(p.id, q.id) && from.id !== to.id);
        for (const {
          sides: [p, q],
          bounces,
        } of bouncesByPair(history))
          expect(bouncesByPair(between(p, q))).toEqual([{ sides: [p, q], bounces }]);
      }),
    ));

  it('raising is idempotent: what was raised is not raised again', () =>
    fc.assert(
      fc.property(handoffs, fc.integer({ min: 0, max: 5 }), (history, maxBounces) => {
        const raised = detectPingPong(history, check({ maxBounces }));
        const keys = raised.map(
          ({
            data: {
              sides: [a, b],
            },
          }) => pairKey(a.party.id, b.party.id),
        );
        expect(new Set(keys).size).toBe(keys.length);
        expect(detectPingPong(history, check({ maxBounces, alreadyRaised: keys }))).toEqual([]);
      }),
    ));

  it('pairKey ignores direction', () =>
    fc.assert(fc.property(fc.string(), fc.string(), (a, b) => expect(pairKey(a, b)).toBe(pairKey(b, a)))));
});
