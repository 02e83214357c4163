import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { UnitLevel, UnitType } from '@collab/workflow-domain';

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
  @Column('int') version!: number;
}

@Entity({ schema: 'workflow', name: 'org_agent' })
export class OrgAgentRecord {
  @PrimaryColumn('text') id!: string;
  @Column('text', { name: 'unit_id' }) unitId!: string;
  @Column('text', { array: true }) queues!: string[];
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

export const ORG_VIEW_DDL = [
  `create table if not exists workflow.org_unit (
     id text primary key, level text not null, unit_type text not null, parent_id text,
     name_zh text not null, name_en text not null, region text not null, calendar_id text not null,
     supervisor_id text, version int not null)`,
  `create table if not exists workflow.org_queue (
     id text primary key, unit_id text not null, name text not null, skills text[] not null, version int not null)`,
  `create index if not exists org_queue_unit on workflow.org_queue (unit_id)`,
  `create table if not exists workflow.org_agent (
     id text primary key, unit_id text not null, queues text[] not null, skills text[] not null,
     languages text[] not null, capacity int not null, active boolean not null, version int not null)`,
  // The active agents of a queue, asked for every contact by agent assignment (OrgDirectory.agentsOfQueue).
  `create index if not exists org_agent_queues on workflow.org_agent using gin (queues) where active`,
  `create table if not exists workflow.org_partner (
     id text primary key, name_zh text not null, name_en text not null, regions text[] not null,
     calendar_id text not null, supervisor_id text, active boolean not null, version int not null)`,
  `create table if not exists workflow.org_responsibility (
     entry_id text primary key, request_type text, category text, region text,
     unit_id text not null, queue_id text, assigned_at timestamptz not null)`,
];
