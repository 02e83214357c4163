import type { FactKind } from './fact-kinds';

/** What a measure folds: how many facts, or the average / sum of a figure the facts carry. */
export type MeasureDefinition =
  | { readonly aggregate: 'count'; readonly kinds: readonly FactKind[]; readonly description: string }
  | {
      readonly aggregate: 'avg' | 'sum' | 'median';
      readonly kinds: readonly FactKind[];
      readonly of: 'calendarMinutes' | 'businessMinutes' | 'csat';
      readonly description: string;
    };

const count = (description: string, ...kinds: FactKind[]): MeasureDefinition => ({ aggregate: 'count', kinds, description });

export const MEASURES = {
  contacts: count('Contacts from every channel: those that opened a case and those that joined one', 'CASE_OPENED', 'CONTACT_APPENDED'),
  casesOpened: count('Cases opened', 'CASE_OPENED'),
  casesResolved: count('Cases resolved', 'CASE_RESOLVED'),
  casesClosed: count('Cases closed with the requester', 'CASE_CLOSED'),
  casesCancelled: count('Cases cancelled', 'CASE_CANCELLED'),
  casesReopened: count('Cases reopened', 'CASE_REOPENED'),
  tasksRequested: count('Collaboration tasks requested (协同单)', 'TASK_REQUESTED'),
  tasksAccepted: count('Collaboration tasks accepted', 'TASK_ACCEPTED'),
  tasksCompleted: count('Collaboration tasks completed', 'TASK_COMPLETED'),
  tasksReturned: count('Collaboration tasks returned (退单)', 'TASK_RETURNED'),
  slaWarnings: count('SLA warnings', 'SLA_WARNING'),
  slaBreaches: count('SLA breaches', 'SLA_BREACHED'),
  pingPongs: count('Ping-pong hand-offs detected', 'PING_PONG'),
  feedbacks: count('Feedback given by requesters', 'FEEDBACK'),
  articlesPublished: count('Knowledge article versions published', 'ARTICLE_PUBLISHED'),
  csatAverage: { aggregate: 'avg', kinds: ['FEEDBACK'], of: 'csat', description: 'Average CSAT (1–5)' },
  resolutionMinutes: { aggregate: 'avg', kinds: ['CASE_RESOLVED'], of: 'calendarMinutes', description: 'Average opening → resolution, calendar minutes' },
  resolutionBusinessMinutes: {
    aggregate: 'avg',
    kinds: ['CASE_RESOLVED'],
    of: 'businessMinutes',
    description: "Average opening → resolution, business minutes on the case's calendar",
  },
  taskTurnaroundMinutes: { aggregate: 'avg', kinds: ['TASK_COMPLETED', 'TASK_RETURNED'], of: 'calendarMinutes', description: 'Average request → completion or return of a task, calendar minutes' },
  taskTurnaroundBusinessMinutes: {
    aggregate: 'avg',
    kinds: ['TASK_COMPLETED', 'TASK_RETURNED'],
    of: 'businessMinutes',
    description: "Average request → completion or return of a task, business minutes on the task's calendar",
  },
} as const satisfies Record<string, MeasureDefinition>;

export type Measure = keyof typeof MEASURES;
export const MEASURE_NAMES = Object.keys(MEASURES) as Measure[];
export const isMeasure = (name: string): name is Measure => Object.prototype.hasOwnProperty.call(MEASURES, name);
