import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { breakingChanges } from './breaking-changes';

const REPO = join(__dirname, '..', '..');
/** The document as served now (npm run openapi:generate), and as last released to the channels. */
const current = () => JSON.parse(readFileSync(join(REPO, 'docs', 'openapi', 'platform.openapi.json'), 'utf8')) as Document;
const released = () => JSON.parse(readFileSync(join(REPO, 'docs', 'openapi', 'released', 'platform.openapi.json'), 'utf8')) as Document;

type Document = Parameters<typeof breakingChanges>[0] & { components: { schemas: Record<string, { required: string[]; properties: Record<string, unknown> }> } };

describe('the REST contract against its last released copy (docs/openapi/released)', () => {
  it('breaks no client generated from the released document', () => expect(breakingChanges(released(), current())).toEqual([]));

  it('refuses an answer field removed (TaskDetails.returnReason)', () => {
    const changed = current();
    const task = changed.components.schemas['TaskDetails']!;
    delete task.properties['returnReason'];
    task.required = task.required.filter((field) => field !== 'returnReason');
    expect(breakingChanges(released(), changed)).toEqual(expect.arrayContaining(['GET /api/v1/tasks/{id} answer.returnReason: no longer always answered', 'GET /api/v1/tasks/{id} answer.returnReason: removed from the answer']));
  });

  it('refuses a request that needs more (a new required body field) and an operation gone', () => {
    const changed = current();
    changed.components.schemas['SubmitContactRequest']!.required.push('priority');
    delete changed.paths!['/api/v1/cases/{id}/reopen'];
    expect(breakingChanges(released(), changed)).toEqual(['POST /api/v1/contacts: the body now requires priority', 'POST /api/v1/cases/{id}/reopen: removed']);
  });

  it('refuses an answer of another type, and accepts a new optional answer field', () => {
    const changed = current();
    const unit = changed.components.schemas['UnitView']!;
    unit.properties['version'] = { type: 'string' };
    unit.properties['nickname'] = { type: 'string' };
    expect(breakingChanges(released(), changed)).toContain('GET /api/v1/org/units/{id} answer.version: type integer became string');
    expect(breakingChanges(released(), changed).join()).not.toContain('nickname');
  });

  it('looks inside a union answer: a field gone from one of its shapes (CaseDetails → StaffCaseDetails.subject)', () => {
    const changed = current();
    const staff = changed.components.schemas['StaffCaseDetails']!;
    delete staff.properties['subject'];
    staff.required = staff.required.filter((field) => field !== 'subject');
    expect(breakingChanges(released(), changed)).toEqual(expect.arrayContaining([expect.stringMatching(/^GET \/api\/v1\/cases\/\{id\} answer\(1 of 2\)\.subject: removed from the answer$/)]));
  });
});
