import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { CategoryNames, RequestType } from '@collab/intake-domain';

/** The category tree as the list endpoint reads it; rebuilt from intake's log at any time. */
@Entity({ schema: 'intake', name: 'category_view' })
export class CategoryViewRecord {
  @PrimaryColumn('text') id!: string;
  @Column('text', { name: 'parent_id', nullable: true }) parentId!: string | null;
  @Column('jsonb') names!: CategoryNames;
  @Column('text', { name: 'request_types', array: true, nullable: true }) requestTypes!: RequestType[] | null;
  @Column('text') status!: 'active' | 'retired';
  @Column('timestamptz', { name: 'defined_at' }) definedAt!: Date;
  @Column('timestamptz', { name: 'changed_at' }) changedAt!: Date;
  @Column('int') version!: number;
}

export const CATEGORY_VIEW_DDL = [
  `create table if not exists intake.category_view (
     id text primary key, parent_id text, names jsonb not null, request_types text[],
     status text not null, defined_at timestamptz not null, changed_at timestamptz not null, version int not null)`,
];
