import { IllegalTransition, ValidationFailed, fold, specFor } from '@collab/domain-kernel';
import { CHANNEL_KINDS } from '../contact';
import {
  channelDecider,
  type ChangeChannel,
  type ChannelCommand,
  type ChannelState,
  type RegisterChannel,
} from './channel.decider';
import type { ChannelEvent, ChannelRegistered, ChannelSettings } from './channel.events';
import { DEFAULT_CHANNELS } from './default-channels';

const now = new Date('2026-11-20T09:30:00.000Z');
const at = now.toISOString();
const spec = specFor(channelDecider, { now });

const registerChannel = (overrides: Partial<RegisterChannel> = {}): RegisterChannel => ({
  type: 'RegisterChannel', channelId: 'gd-hotline', kind: 'PHONE', name: 'Guangdong hotline',
  audiences: ['EXTERNAL'], calendarId: 'cn-standard', defaultLanguage: 'zh-Hans', ...overrides,
});
const changeChannel = (changes: Partial<ChannelSettings>): ChangeChannel => ({ type: 'ChangeChannel', channelId: 'gd-hotline', changes });
const enableChannel = (reason?: string): ChannelCommand => ({ type: 'EnableChannel', channelId: 'gd-hotline', ...(reason ? { reason } : {}) });
const disableChannel = (reason?: string): ChannelCommand => ({ type: 'DisableChannel', channelId: 'gd-hotline', ...(reason ? { reason } : {}) });

const channelRegistered = (overrides: Partial<ChannelRegistered['data']> = {}): ChannelEvent => ({
  type: 'ChannelRegistered',
  data: {
    channelId: 'gd-hotline', kind: 'PHONE', name: 'Guangdong hotline', audiences: ['EXTERNAL'],
    calendarId: 'cn-standard', defaultLanguage: 'zh-Hans', enabled: true, registeredAt: at, ...overrides,
  },
});
const channelChanged = (changes: Partial<ChannelSettings>): ChannelEvent => ({ type: 'ChannelChanged', data: { channelId: 'gd-hotline', ...changes, changedAt: at } });
const channelEnabled = (reason?: string): ChannelEvent => ({ type: 'ChannelEnabled', data: { channelId: 'gd-hotline', enabledAt: at, ...(reason ? { reason } : {}) } });
const channelDisabled = (reason?: string): ChannelEvent => ({ type: 'ChannelDisabled', data: { channelId: 'gd-hotline', disabledAt: at, ...(reason ? { reason } : {}) } });

describe('a channel through its lifecycle (every command in every state)', () => {
  const histories: Record<ChannelState['status'], ChannelEvent[]> = {
    unregistered: [],
    enabled: [channelRegistered()],
    disabled: [channelRegistered(), channelDisabled()],
  };
  const commands: Record<ChannelCommand['type'], ChannelCommand> = {
    RegisterChannel: registerChannel(),
    ChangeChannel: changeChannel({ name: 'Shenzhen hotline' }),
    EnableChannel: enableChannel(),
    DisableChannel: disableChannel(),
  };
  const refused = 'refused (IllegalTransition)';
  const table: [ChannelCommand['type'], ChannelState['status'], ChannelEvent | typeof refused][] = [
    ['RegisterChannel', 'unregistered', channelRegistered()],
    ['RegisterChannel', 'enabled', refused],
    ['RegisterChannel', 'disabled', refused],
    ['ChangeChannel', 'unregistered', refused],
    ['ChangeChannel', 'enabled', channelChanged({ name: 'Shenzhen hotline' })],
    ['ChangeChannel', 'disabled', channelChanged({ name: 'Shenzhen hotline' })],
    ['EnableChannel', 'unregistered', refused],
    ['EnableChannel', 'enabled', refused],
    ['EnableChannel', 'disabled', channelEnabled()],
    ['DisableChannel', 'unregistered', refused],
    ['DisableChannel', 'enabled', channelDisabled()],
    ['DisableChannel', 'disabled', refused],
  ];

  it.each(table)('%s on an %s channel → %j', (command, status, outcome) => {
    const when = spec.given(...histories[status]).when(commands[command]);
    if (outcome === refused) when.thenThrows(IllegalTransition);
    else when.then(outcome);
  });

  it('folds to the state each history names', () => {
    for (const [status, history] of Object.entries(histories)) expect(fold(channelDecider, history).status).toBe(status);
  });
});

describe('registering a channel', () => {
  it('may register it disabled, ahead of its launch', () =>
    spec.given().when(registerChannel({ enabled: false })).then(channelRegistered({ enabled: false })));

  it('keeps each audience once, in the vocabulary order', () =>
    spec.given().when(registerChannel({ audiences: ['PARTNER', 'EXTERNAL', 'PARTNER'] })).then(channelRegistered({ audiences: ['EXTERNAL', 'PARTNER'] })));

  it('names the refused channel in the message', () =>
    expect(() => channelDecider.decide(registerChannel(), fold(channelDecider, [channelRegistered()]), { now })).toThrow(
      'RegisterChannel is not allowed: channel "gd-hotline" is already registered',
    ));

  it.each<[string, Partial<RegisterChannel>, string]>([
    ['an id that is not a lowercase slug', { channelId: 'GD_Hotline' }, 'id'],
    ['an id of one letter', { channelId: 'x' }, 'id'],
    ['no audience', { audiences: [] }, 'audiences'],
    ['an empty name', { name: '  ' }, 'name'],
    ['a calendar id with spaces', { calendarId: 'office hours' }, 'calendarId'],
    ['a default language that is not a language tag', { defaultLanguage: 'chinese!' }, 'defaultLanguage'],
  ])('is refused with %s, naming the field', (_, overrides, field) => {
    try {
      channelDecider.decide(registerChannel(overrides), channelDecider.initialState(), { now });
      throw new Error('expected ValidationFailed');
    } catch (error) {
      expect(error).toBeInstanceOf(ValidationFailed);
      expect((error as ValidationFailed).errors.map((e) => e.field)).toEqual([field]);
    }
  });
});

describe('changing a channel', () => {
  it('records only what really differs', () =>
    spec.given(channelRegistered())
      .when(changeChannel({ name: 'Guangdong hotline', audiences: ['INTERNAL', 'EXTERNAL'], calendarId: '24x7' }))
      .then(channelChanged({ audiences: ['EXTERNAL', 'INTERNAL'], calendarId: '24x7' })));

  it('records nothing when nothing differs', () =>
    spec.given(channelRegistered()).when(changeChannel({ name: 'Guangdong hotline', defaultLanguage: 'zh-Hans' })).then());

  it('is folded into the channel', () =>
    expect(fold(channelDecider, [channelRegistered(), channelChanged({ defaultLanguage: 'en' })])).toMatchObject({
      status: 'enabled',
      channel: { name: 'Guangdong hotline', defaultLanguage: 'en' },
    }));

  it('is refused when it would leave the channel serving no one', () =>
    spec.given(channelRegistered()).when(changeChannel({ audiences: [] })).thenThrows(ValidationFailed));
});

describe('disabling and enabling a channel', () => {
  it('carries the reason when one is given', () =>
    spec.given(channelRegistered()).when(disableChannel('系统维护 maintenance')).then(channelDisabled('系统维护 maintenance')));

  it('carries the reason for enabling again', () =>
    spec.given(channelRegistered(), channelDisabled()).when(enableChannel('back online')).then(channelEnabled('back online')));
});

describe('the default channels', () => {
  it('are one per kind, each with a unique slug id', () => {
    expect(DEFAULT_CHANNELS.map((c) => c.kind)).toEqual([...CHANNEL_KINDS]);
    expect(new Set(DEFAULT_CHANNELS.map((c) => c.channelId)).size).toBe(CHANNEL_KINDS.length);
    expect(DEFAULT_CHANNELS.map((c) => c.channelId)).toEqual(expect.arrayContaining(['phone', 'ai-bot', 'partner-api', 'internal-portal']));
  });

  it.each([
    ['partner-api', ['PARTNER']],
    ['internal-portal', ['INTERNAL']],
    ['account-manager', ['EXTERNAL']],
  ])('let %s serve %j', (channelId, audiences) =>
    expect(DEFAULT_CHANNELS.find((c) => c.channelId === channelId)?.audiences).toEqual(audiences));

  it.each(DEFAULT_CHANNELS.map((c) => [c.channelId, c] as const))('%s is a valid registration', (_, command) =>
    expect(channelDecider.decide(command, channelDecider.initialState(), { now })).toHaveLength(1));
});
