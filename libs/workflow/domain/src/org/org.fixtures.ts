/* Test fixtures for the org directory specs: business words, defaults for everything else. Not exported from the lib. */
import { fold, type Decider, type DomainEvent } from '@collab/domain-kernel';
import type { ActorRef } from '../actor';
import {
  NOTHING_KNOWN,
  type KnownParties,
  type OrgDecisionContext,
  type UnitReference,
} from './org-references';

export const NOW = new Date('2026-11-20T09:30:00.000Z');
export const AT = NOW.toISOString();
export const admin: ActorRef = { id: 'admin-zhao', kind: 'user' };

export const knowing = (known: Partial<KnownParties>): KnownParties => ({ ...NOTHING_KNOWN, ...known });

export const unitRef = (
  id: string,
  level: UnitReference['level'],
  ...ancestorIds: string[]
): Record<string, UnitReference> => ({
  [id]: { id, level, ancestorIds },
});

/** What a refused command says: its error class and, for invalid input, the fields it names. */
export const refusalOf = (run: () => unknown): { name: string; fields: string[]; message: string } => {
  try {
    run();
  } catch (error) {
    const fields = ((error as { errors?: { field: string }[] }).errors ?? []).map((e) => e.field);
    return { name: (error as Error).name, fields, message: (error as Error).message };
  }
  throw new Error('expected the command to be refused');
};

/**
 * given(history).when(command).then(events) over an org decider; the expected events are
 * compared as values (key order aside), with the directory's facts in `known`.
 */
export const orgSpec = <C, E extends DomainEvent, S>(decider: Decider<C, E, S, OrgDecisionContext>) => ({
  given: (...history: E[]) => ({
    when: (command: C, known: KnownParties = NOTHING_KNOWN) => {
      const run = () => decider.decide(command, fold(decider, history), { now: NOW, known });
      return {
        then: (...expected: E[]) => expect(run()).toEqual(expected),
        refusal: () => refusalOf(run),
      };
    },
  }),
});
