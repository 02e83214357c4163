import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { Audience, ChannelKind } from '@collab/intake-domain';
import type { ChannelView } from '../../intake.answers';

/** The channel registry as the list endpoint reads it; rebuilt from intake's log at any time. */
@Entity({ schema: 'intake', name: 'channel_view' })
export class ChannelViewRecord {
  @PrimaryColumn('text') id!: string;
  @Column('text') kind!: ChannelKind;
  @Column('text') name!: string;
  @Column('text', { array: true }) audiences!: Audience[];
  @Column('boolean') enabled!: boolean;
  @Column('text', { name: 'calendar_id' }) calendarId!: string;
  @Column('text', { name: 'default_language' }) defaultLanguage!: string;
  @Column('timestamptz', { name: 'registered_at' }) registeredAt!: Date;
  @Column('timestamptz', { name: 'changed_at' }) changedAt!: Date;
  @Column('int') version!: number;
}

export const channelViewOfRecord = (record: ChannelViewRecord): ChannelView => ({
  id: record.id,
  kind: record.kind,
  name: record.name,
  audiences: record.audiences,
  enabled: record.enabled,
  calendarId: record.calendarId,
  defaultLanguage: record.defaultLanguage,
  version: record.version,
});
