import { Forbidden } from '@collab/domain-kernel';
import type { Principal } from '@collab/service-kit';
import type { RoutedCaseState } from './case-commands';
import { requireCaseRole, type CaseRole } from './case-permissions';

const summary = {
  caseId: 'case-1',
  channel: 'app',
  audience: 'EXTERNAL',
  requestType: 'COMPLAINT',
  category: 'billing',
  region: 'GD-SZ',
  priority: 'NORMAL',
  language: 'zh-Hans',
  subject: 's',
  description: 'd',
  openedAt: '2026-03-02T09:00:00.000Z',
  requesterId: 'cust-1',
};
const record = {
  summary,
  desk: { queue: 'complaints', region: 'GD-SZ' },
  process: null,
  handoffs: [],
  pingPongPairs: [],
  taskIds: [],
};
const queued = { ...record, status: 'queued' } as unknown as RoutedCaseState;
const owned = { ...record, status: 'in-progress', ownerId: 'agent-ann' } as unknown as RoutedCaseState;

const principal = (subject: string, audience: Principal['audience'], roles: string[] = []): Principal => ({
  subject,
  audience,
  roles,
});
const callers: Record<string, Principal> = {
  requester: principal('cust-1', 'EXTERNAL'),
  stranger: principal('cust-2', 'EXTERNAL'),
  owner: principal('agent-ann', 'INTERNAL', ['agent']),
  colleague: principal('agent-bob', 'INTERNAL', ['agent']),
  supervisor: principal('sup-1', 'INTERNAL', ['supervisor']),
  admin: principal('admin-1', 'INTERNAL', ['admin']),
  partner: principal('agent-ann', 'PARTNER', ['supervisor']),
};

const allowed = (state: RoutedCaseState, roles: CaseRole[]) =>
  Object.entries(callers)
    .filter(([, caller]) => {
      try {
        requireCaseRole(caller, state, roles, 'do it');
        return true;
      } catch (error) {
        if (error instanceof Forbidden) return false;
        throw error;
      }
    })
    .map(([name]) => name);

describe('who may run a command on a case', () => {
  const states = { owned, queued };
  it.each<[CaseRole[], keyof typeof states, string[]]>([
    [['requester'], 'owned', ['requester']],
    [['requester', 'staff'], 'owned', ['requester', 'owner', 'colleague', 'supervisor', 'admin']],
    [['manager'], 'owned', ['supervisor', 'admin']],
    [['manager', 'owner'], 'owned', ['owner', 'supervisor', 'admin']],
    [['manager', 'owner'], 'queued', ['supervisor', 'admin']],
  ])('%j on an %s case', (roles, state, expected) => expect(allowed(states[state], roles)).toEqual(expected));

  it('never counts partner staff as staff, whatever roles their token carries', () =>
    expect(allowed(owned, ['staff', 'manager', 'owner'])).not.toContain('partner'));

  it('says who may', () =>
    expect(() =>
      requireCaseRole(callers['stranger']!, owned, ['manager', 'owner'], 'resolve the case'),
    ).toThrow('only a supervisor or admin or the owner of the case resolve the case'));
});
