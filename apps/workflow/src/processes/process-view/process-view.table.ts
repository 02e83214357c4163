import type { PublishedProcess } from '@collab/workflow-domain';

/**
 * Every process with its latest version (the whole definition) and whether new cases may start
 * on it: what the list shows and what the catalogue chooses among. `stream_version` keeps a
 * replayed batch from going back.
 */
export const PROCESS_VIEW_DDL = [
  `create table if not exists workflow.process_view (
     id text primary key, name text not null, status text not null, latest_version int not null,
     latest jsonb not null, changed_at timestamptz not null, stream_version int not null)`,
];

export interface ProcessViewRow {
  readonly id: string;
  readonly name: string;
  readonly status: 'active' | 'retired';
  readonly latest_version: number;
  readonly latest: PublishedProcess;
  readonly changed_at: Date;
}
