import { categoryAt, drillDownOf, regionAt, rollUpOf } from './dimensions';
import { navigationOf, readCubeQuery } from './cube-query';

describe('reading a cube query', () => {
  it('reads measures, dimensions, filters and the window', () => {
    expect(readCubeQuery({ measures: 'contacts, casesOpened', dimensions: 'region.province,time.day', filters: 'channel:app|web,region.province:GD', from: '2026-11-30', to: '2026-12-01T00:00:00Z' })).toEqual({
      query: {
        measures: ['contacts', 'casesOpened'],
        dimensions: ['region.province', 'time.day'],
        filters: [{ dimension: 'channel', values: ['app', 'web'] }, { dimension: 'region.province', values: ['GD'] }],
        from: new Date('2026-11-30T00:00:00Z'),
        to: new Date('2026-12-01T00:00:00Z'),
      },
    });
  });

  it.each([
    [{ measures: 'contacts,joy', from: '2026-11-30', to: '2026-12-01' }, 'measures', "unknown measure 'joy'"],
    [{ measures: '', from: '2026-11-30', to: '2026-12-01' }, 'measures', 'at least one measure'],
    [{ measures: 'contacts', dimensions: 'region.street', from: '2026-11-30', to: '2026-12-01' }, 'dimensions', "unknown dimension 'region.street'"],
    [{ measures: 'contacts', filters: 'channel', from: '2026-11-30', to: '2026-12-01' }, 'filters', 'dimension:value'],
    [{ measures: 'contacts', from: 'last week', to: '2026-12-01' }, 'from', 'not an ISO 8601'],
    [{ measures: 'contacts', from: '2026-12-01', to: '2026-11-30' }, 'to', 'after from'],
    [{ measures: 'contacts', from: '2026-11-30' }, 'to', 'required'],
  ])('names the problem in %j', (raw, field, message) => {
    const read = readCubeQuery(raw);
    expect('problems' in read && read.problems).toEqual([{ field, message: expect.stringContaining(message) }]);
  });
});

describe('the hierarchies', () => {
  it.each([
    ['GD-SZ', 'GROUP', 'GD', 'GD-SZ'],
    ['GD', 'GROUP', 'GD', 'GD'],
    ['GD-SZ-NS', 'GROUP', 'GD', 'GD-SZ'],
  ])('region %s is %s → %s → %s', (region, group, province, city) => {
    expect([regionAt(region, 'group'), regionAt(region, 'province'), regionAt(region, 'city')]).toEqual([group, province, city]);
  });

  it('cuts a category path at each level', () => {
    expect(['level1', 'level2', 'level3'].map((level) => categoryAt('billing/wrong-charge', level as 'level1'))).toEqual(['billing', 'billing/wrong-charge', 'billing/wrong-charge']);
  });

  it('drills down and rolls up one level at a time; flat dimensions do neither', () => {
    expect([drillDownOf('time.month'), drillDownOf('time.hour'), rollUpOf('region.city'), rollUpOf('region.group'), drillDownOf('channel')]).toEqual([
      'time.week', undefined, 'region.province', undefined, undefined,
    ]);
    expect(navigationOf(['region.province', 'channel'])).toEqual({ drillDown: { 'region.province': 'region.city' }, rollUp: { 'region.province': 'region.group' } });
  });
});
