import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { LanguageRule, UnitLevel, UnitType } from '@collab/workflow-domain';

/*
 * The directory as lists, trees and the org lookup read it; rebuilt from workflow's log at any
 * time. Single items are answered from their streams (always current); these follow a moment behind.
 */

@Entity({ schema: 'workflow', name: 'org_unit' })
export class OrgUnitRecord {
  @PrimaryColumn('text') id!: string;
  @Column('text') level!: UnitLevel;
  @Column('text', { name: 'unit_type' }) unitType!: UnitType;
  @Column('text', { name: 'parent_id', nullable: true }) parentId!: string | null;
  @Column('text', { name: 'name_zh' }) nameZh!: string;
  @Column('text', { name: 'name_en' }) nameEn!: string;
  @Column('text') region!: string;
  @Column('text', { name: 'calendar_id' }) calendarId!: string;
  @Column('text', { name: 'supervisor_id', nullable: true }) supervisorId!: string | null;
  @Column('int') version!: number;
}

@Entity({ schema: 'workflow', name: 'org_queue' })
export class OrgQueueRecord {
  @PrimaryColumn('text') id!: string;
  @Column('text', { name: 'unit_id' }) unitId!: string;
  @Column('text') name!: string;
  @Column('text', { array: true }) skills!: string[];
  @Column('text', { name: 'language_rule' }) languageRule!: LanguageRule;
  /** Null while the queue is open. */
  @Column('timestamptz', { name: 'retired_at', nullable: true }) retiredAt!: Date | null;
  @Column('int') version!: number;
}

@Entity({ schema: 'workflow', name: 'org_agent' })
export class OrgAgentRecord {
  @PrimaryColumn('text') id!: string;
  @Column('text', { name: 'unit_id' }) unitId!: string;
  @Column('text', { array: true }) queues!: string[];
  /** Those of `queues` that belong to another unit, each by an explicit grant. */
  @Column('text', { name: 'cross_unit_queues', array: true }) crossUnitQueues!: string[];
  @Column('text', { array: true }) skills!: string[];
  @Column('text', { array: true }) languages!: string[];
  @Column('int') capacity!: number;
  @Column('boolean') active!: boolean;
  @Column('int') version!: number;
}

@Entity({ schema: 'workflow', name: 'org_partner' })
export class OrgPartnerRecord {
  @PrimaryColumn('text') id!: string;
  @Column('text', { name: 'name_zh' }) nameZh!: string;
  @Column('text', { name: 'name_en' }) nameEn!: string;
  @Column('text', { array: true }) regions!: string[];
  @Column('text', { name: 'calendar_id' }) calendarId!: string;
  @Column('text', { name: 'supervisor_id', nullable: true }) supervisorId!: string | null;
  @Column('boolean') active!: boolean;
  @Column('int') version!: number;
}

@Entity({ schema: 'workflow', name: 'org_responsibility' })
export class OrgResponsibilityRecord {
  @PrimaryColumn('text', { name: 'entry_id' }) entryId!: string;
  @Column('text', { name: 'request_type', nullable: true }) requestType!: string | null;
  @Column('text', { nullable: true }) category!: string | null;
  @Column('text', { nullable: true }) region!: string | null;
  @Column('text', { name: 'unit_id' }) unitId!: string;
  @Column('text', { name: 'queue_id', nullable: true }) queueId!: string | null;
  @Column('timestamptz', { name: 'assigned_at' }) assignedAt!: Date;
}

export const ORG_ENTITY_TYPES = [
  OrgUnitRecord,
  OrgQueueRecord,
  OrgAgentRecord,
  OrgPartnerRecord,
  OrgResponsibilityRecord,
];

