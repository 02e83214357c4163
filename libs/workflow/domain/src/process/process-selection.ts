import type { RoutingFacts } from '../routing';
import type { ProcessScope, ProcessStage, PublishedProcess } from './process-definition';
import { BUILT_IN_DEFAULT_PROCESS } from './default-process';
import { DEFAULT_PROCESS_ID } from './process-validation';

/** A process the catalogue offers for new cases: its latest version, and whether it is still active. */
export interface CatalogueEntry {
  readonly latest: PublishedProcess;
  readonly active: boolean;
}

const coversCategory = (scoped: string, category: string): boolean =>
  scoped === category || category.startsWith(`${scoped}/`);

const inList = (values: readonly string[] | undefined, matches: (value: string) => boolean): boolean =>
  values === undefined || values.some(matches);

/** The facts of a new case a process's scope looks at. */
export type ProcessFacts = Pick<RoutingFacts, 'requestType' | 'category' | 'audience'>;

const scopeMatches = (scope: ProcessScope, facts: ProcessFacts): boolean =>
  inList(scope.requestTypes, (value) => value === facts.requestType) &&
  inList(scope.categories, (value) => coversCategory(value, facts.category)) &&
  inList(scope.audiences, (value) => value === facts.audience);

/** How many scope attributes a process lists: a process for complaints about billing beats one for all complaints. */
const specificityOf = (scope: ProcessScope): number =>
  [scope.requestTypes, scope.categories, scope.audiences].filter((values) => values !== undefined).length;

const moreSpecificFirst = (a: PublishedProcess, b: PublishedProcess): number =>
  specificityOf(b.scope) - specificityOf(a.scope) ||
  (a.processId < b.processId ? -1 : a.processId > b.processId ? 1 : 0);

/**
 * The version a new case with these facts starts on: among active processes whose scope matches,
 * the most specific (more listed scope attributes; ties by id, so the answer never depends on
 * order), at its latest version. The `default` process only catches what no other takes; without
 * a published one, the built-in default does.
 */
export const processFor = (facts: ProcessFacts, processes: readonly CatalogueEntry[]): PublishedProcess => {
  const active = processes.filter((entry) => entry.active).map((entry) => entry.latest);
  const [chosen] = active
    .filter((process) => process.processId !== DEFAULT_PROCESS_ID && scopeMatches(process.scope, facts))
    .sort(moreSpecificFirst);
  return (
    chosen ?? active.find((process) => process.processId === DEFAULT_PROCESS_ID) ?? BUILT_IN_DEFAULT_PROCESS
  );
};

/** The stage a case starts on: the first FRONT_LINE stage (a published version always has one). */
export const frontLineStageOf = (process: PublishedProcess): ProcessStage | undefined =>
  process.stages.find((stage) => stage.unitType === 'FRONT_LINE');
