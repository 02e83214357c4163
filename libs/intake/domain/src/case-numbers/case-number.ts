import { assertNever, type Decider, type DecisionContext } from '@collab/domain-kernel';

/**
 * Human case numbers read `<REGION>-<YYYYMMDD>-<sequence>`, e.g. `GD-SZ-20261120-000042`.
 * Numbers are reserved in blocks per region and day (hi/lo), so a busy intake does not contend
 * on one counter for every contact; a block left unused by a stopped process leaves a gap.
 */
export interface CaseNumbersReserved {
  readonly type: 'CaseNumbersReserved';
  readonly data: { readonly region: string; readonly day: string; readonly from: number; readonly to: number };
}

export interface ReserveCaseNumbers {
  readonly type: 'ReserveCaseNumbers';
  readonly region: string;
  readonly day: string;
  readonly blockSize: number;
}

export interface CaseNumberCounter {
  readonly next: number;
}

const evolve = (_state: CaseNumberCounter, event: CaseNumbersReserved): CaseNumberCounter => ({ next: event.data.to + 1 });

const decide = (command: ReserveCaseNumbers, state: CaseNumberCounter, _context: DecisionContext): CaseNumbersReserved[] => {
  switch (command.type) {
    case 'ReserveCaseNumbers':
      return [{ type: 'CaseNumbersReserved', data: { region: command.region, day: command.day, from: state.next, to: state.next + command.blockSize - 1 } }];
    default:
      return assertNever(command.type);
  }
};

export const caseNumberDecider: Decider<ReserveCaseNumbers, CaseNumbersReserved, CaseNumberCounter> = {
  initialState: () => ({ next: 1 }),
  evolve,
  decide,
};

/** Region codes are already upper-case slugs like `GD-SZ`; anything else is reduced to one. */
export const regionCode = (region: string): string => region.toUpperCase().replace(/[^A-Z0-9]+/g, '-').replace(/^-|-$/g, '') || 'XX';

export const caseNumberStreamId = (region: string, day: string): string => `case-numbers-${regionCode(region)}-${day}`;

export const formatCaseNumber = (region: string, day: string, sequence: number): string =>
  `${regionCode(region)}-${day}-${String(sequence).padStart(6, '0')}`;
