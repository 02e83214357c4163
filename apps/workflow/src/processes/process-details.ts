import type { ProcessState, PublishedProcess } from '@collab/workflow-domain';
import { latestVersionOf } from '@collab/workflow-domain';

/** A process as GET /api/v1/processes/{id} shows it: its latest version whole, and every version it had. */
export interface ProcessDetails {
  readonly processId: string;
  readonly name: string;
  /** ACTIVE: new cases may start on it; RETIRED: only the cases that already started on it keep it. */
  readonly status: 'ACTIVE' | 'RETIRED';
  readonly latestVersion: number;
  readonly latest: PublishedProcess;
  readonly versions: readonly {
    readonly version: number;
    readonly name: string;
    readonly publishedAt: string;
  }[];
}

export const processDetailsOf = (state: ProcessState): ProcessDetails | undefined => {
  if (state.status === 'none') return undefined;
  const latest = latestVersionOf(state);
  return {
    processId: latest.processId,
    name: latest.name,
    status: state.status === 'active' ? 'ACTIVE' : 'RETIRED',
    latestVersion: latest.version,
    latest,
    versions: state.versions.map(({ version, name, publishedAt }) => ({ version, name, publishedAt })),
  };
};
