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

