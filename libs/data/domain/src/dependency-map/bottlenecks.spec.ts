import { bottlenecksOf, type DependencyEdge } from './bottlenecks';

const edge = (from: string, to: string, figures: Partial<DependencyEdge> = {}): DependencyEdge => ({
  from, to: { kind: 'UNIT', id: to }, volume: 10, returned: 0, medianTurnaroundBusinessMinutes: 100, pingPongs: 0, ...figures,
});

describe('naming the bottlenecks of the dependency map', () => {
  it('names an edge slower than 1.5× the rest’s median', () =>
    expect(bottlenecksOf([edge('a', 'b'), edge('a', 'c', { medianTurnaroundBusinessMinutes: 120 }), edge('a', 'd', { medianTurnaroundBusinessMinutes: 200 })])).toEqual([
      { from: 'a', to: 'd', reasons: ['TURNAROUND'] },
    ]));

  it('names an edge that returns a fifth more of its tasks than the rest', () =>
    expect(bottlenecksOf([edge('a', 'b', { returned: 1 }), edge('a', 'c', { returned: 4 })])).toEqual([{ from: 'a', to: 'c', reasons: ['RETURNS'] }]));

  it('names both reasons at once, and nothing on an even map or a map of one edge', () => {
    expect(bottlenecksOf([edge('a', 'b'), edge('a', 'c', { returned: 5, medianTurnaroundBusinessMinutes: 400 })])).toEqual([{ from: 'a', to: 'c', reasons: ['TURNAROUND', 'RETURNS'] }]);
    expect(bottlenecksOf([edge('a', 'b'), edge('b', 'c')])).toEqual([]);
    expect(bottlenecksOf([edge('a', 'b', { returned: 10 })])).toEqual([]);
  });

  it('does not judge turnaround while nothing ended', () =>
    expect(bottlenecksOf([edge('a', 'b', { medianTurnaroundBusinessMinutes: null }), edge('a', 'c')])).toEqual([]));
});
