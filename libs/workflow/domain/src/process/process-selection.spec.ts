import type { RoutingFacts } from '../routing';
import { BUILT_IN_DEFAULT_PROCESS, DEFAULT_PROCESS_DEFINITION } from './default-process';
import type { ProcessScope, PublishedProcess } from './process-definition';
import { frontLineStageOf, processFor, type CatalogueEntry } from './process-selection';
import { published, stage } from './process.fixtures';

const facts = (overrides: Partial<RoutingFacts> = {}): RoutingFacts => ({
  channel: 'app',
  audience: 'EXTERNAL',
  requestType: 'COMPLAINT',
  category: 'billing/wrong-charge',
  region: 'GD-SZ',
  priority: 'NORMAL',
  language: 'zh-Hans',
  ...overrides,
});

const process = (processId: string, scope: ProcessScope, version = 1): PublishedProcess => ({
  ...published(version, { processId, scope }),
});
const active = (latest: PublishedProcess): CatalogueEntry => ({ latest, active: true });
const retired = (latest: PublishedProcess): CatalogueEntry => ({ latest, active: false });

describe('which process a new case starts on', () => {
  const complaints = process('complaints', { requestTypes: ['COMPLAINT'] });
  const billingComplaints = process('billing-complaints', {
    requestTypes: ['COMPLAINT'],
    categories: ['billing'],
  });
  const partnerBilling = process('partner-billing', {
    requestTypes: ['COMPLAINT'],
    categories: ['billing'],
    audiences: ['PARTNER'],
  });
  const catalogue = [active(complaints), active(billingComplaints), active(partnerBilling)];

  it('takes the most specific matching process: more listed scope attributes win', () => {
    expect(processFor(facts(), catalogue).processId).toBe('billing-complaints');
    expect(processFor(facts({ audience: 'PARTNER' }), catalogue).processId).toBe('partner-billing');
    expect(processFor(facts({ category: 'network/no-signal' }), catalogue).processId).toBe('complaints');
  });

  it('matches categories downwards: billing covers billing/wrong-charge, not billing-extra', () => {
    expect(processFor(facts({ category: 'billing' }), catalogue).processId).toBe('billing-complaints');
    expect(processFor(facts({ category: 'billing-extra' }), catalogue).processId).toBe('complaints');
  });

  it('breaks a tie by id, so the answer never depends on the order of the catalogue', () => {
    const a = process('a-complaints', { requestTypes: ['COMPLAINT'] });
    const b = process('b-complaints', { audiences: ['EXTERNAL'] });
    expect(processFor(facts(), [active(b), active(a)]).processId).toBe('a-complaints');
    expect(processFor(facts(), [active(a), active(b)]).processId).toBe('a-complaints');
  });

  it('starts on the latest version the catalogue holds', () => {
    const v3 = process('complaints', { requestTypes: ['COMPLAINT'] }, 3);
    expect(processFor(facts(), [active(v3)])).toEqual(v3);
  });

  it('passes over retired processes', () => {
    expect(processFor(facts(), [active(complaints), retired(billingComplaints)]).processId).toBe(
      'complaints',
    );
  });

  it('falls back to the published default when no scope matches, and to the built-in default without one', () => {
    const defaultV2: PublishedProcess = {
      ...DEFAULT_PROCESS_DEFINITION,
      version: 2,
      publishedAt: '2026-11-21T00:00:00.000Z',
    };
    expect(processFor(facts({ requestType: 'INQUIRY' }), [...catalogue, active(defaultV2)])).toEqual(
      defaultV2,
    );
    expect(processFor(facts({ requestType: 'INQUIRY' }), catalogue)).toEqual(BUILT_IN_DEFAULT_PROCESS);
    expect(processFor(facts(), [])).toEqual(BUILT_IN_DEFAULT_PROCESS);
  });

  it('prefers any matching process, even one without a scope, to the default', () => {
    const everything = process('everything', {});
    const defaultV1: PublishedProcess = {
      ...DEFAULT_PROCESS_DEFINITION,
      version: 1,
      publishedAt: '2026-11-20T00:00:00.000Z',
    };
    expect(processFor(facts(), [active(defaultV1), active(everything)]).processId).toBe('everything');
  });
});

describe('the stage a case starts on', () => {
  it('is the first FRONT_LINE stage, wherever it stands', () => {
    const partnerFirst = published(1, {
      stages: [stage({ id: 'partner', unitType: 'PARTNER' }), stage({ id: 'desk' }), stage({ id: 'desk-2' })],
    });
    expect(frontLineStageOf(partnerFirst)?.id).toBe('desk');
  });

  it('is front-line for the default process, on cn-standard', () => {
    expect(frontLineStageOf(BUILT_IN_DEFAULT_PROCESS)).toMatchObject({
      id: 'front-line',
      sla: { calendarId: 'cn-standard' },
    });
  });
});
