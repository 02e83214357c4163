import { specFor } from '@collab/domain-kernel';
import { caseNumberDecider, formatCaseNumber, regionCode } from './case-number';

const spec = specFor(caseNumberDecider, { now: new Date('2026-11-20T10:00:00.000Z') });
const reserve = { type: 'ReserveCaseNumbers', region: 'GD-SZ', day: '20261120', blockSize: 100 } as const;

describe('reserving case numbers', () => {
  it('starts a day at 1', () =>
    spec.given().when(reserve).then({ type: 'CaseNumbersReserved', data: { region: 'GD-SZ', day: '20261120', from: 1, to: 100 } }));
  it('continues after the last block', () =>
    spec.given({ type: 'CaseNumbersReserved', data: { region: 'GD-SZ', day: '20261120', from: 1, to: 100 } })
      .when(reserve)
      .then({ type: 'CaseNumbersReserved', data: { region: 'GD-SZ', day: '20261120', from: 101, to: 200 } }));
});

describe('formatting a case number', () => {
  it.each([
    ['GD-SZ', 42, 'GD-SZ-20261120-000042'],
    ['gd sz', 7, 'GD-SZ-20261120-000007'],
    ['Uusimaa/Helsinki', 1234567, 'UUSIMAA-HELSINKI-20261120-1234567'],
    ['广东', 1, 'XX-20261120-000001'],
  ])('region %s, sequence %d → %s', (region, sequence, expected) => {
    expect(formatCaseNumber(region, '20261120', sequence)).toBe(expected);
  });
  it('keeps region codes readable', () => expect(regionCode('fi-uusimaa')).toBe('FI-UUSIMAA'));
});
