import type { PublishedProcess } from '@collab/workflow-domain';

export interface ProcessViewRow {
  readonly id: string;
  readonly name: string;
  readonly status: 'active' | 'retired';
  readonly latest_version: number;
  readonly latest: PublishedProcess;
  readonly changed_at: Date;
}
