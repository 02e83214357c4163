import type { RecordedEvent } from '@collab/event-store';
import { Projection } from '../following/followers';
import { findReadModel, NotRebuildable, projectionsAmong, readModelName, UnknownReadModel, type ServiceReadModels } from './read-models';

class CaseViewProjection extends Projection {
  readonly name: string = 'workflow.case-view.2';
  readonly log = 'workflow';
  readonly handles = ['CaseRegistered'];
  readonly tables = ['workflow.case_view'];
  apply(_events: readonly RecordedEvent[]): Promise<void> {
    return Promise.resolve();
  }
}
class TimerProjection extends CaseViewProjection {
  override readonly name = 'workflow.sla-timers';
  override readonly notRebuildable = 'its table is also the dispatcher’s';
}
class NotAProjection {}

const workflow: ServiceReadModels = { service: 'workflow', migrations: [], entities: [], projections: projectionsAmong([CaseViewProjection, TimerProjection, NotAProjection, { provide: 'x', useValue: 1 }]) };

describe('the read models a service offers to the rebuild command', () => {
  it('are its projections, named without the service and the generation', () => {
    expect(workflow.projections.map((Class) => readModelName(new Class()))).toEqual(['case-view', 'sla-timers']);
  });

  it('are found by that name or by the projection’s own', () => {
    expect(findReadModel(workflow, 'case-view').name).toBe('workflow.case-view.2');
    expect(findReadModel(workflow, 'workflow.case-view.2').name).toBe('workflow.case-view.2');
  });

  it('refuses a name it does not know, listing the ones it does, and one that cannot be rebuilt, saying why', () => {
    expect(() => findReadModel(workflow, 'case-views')).toThrow(new UnknownReadModel('workflow', 'case-views', ['case-view', 'sla-timers']));
    expect(() => findReadModel(workflow, 'sla-timers')).toThrow(NotRebuildable);
    expect(() => findReadModel(workflow, 'sla-timers')).toThrow('workflow.sla-timers cannot be rebuilt: its table is also the dispatcher’s');
  });
});
