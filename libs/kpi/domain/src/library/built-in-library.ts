import type { FactSelector, KpiSpecification, Measure } from '../definition/kpi-definition';

const ALL_GRANULARITIES = ['minute', 'hour', 'day', 'month'] as const;
const CASE_DIMENSIONS = ['channel', 'audience', 'unit', 'partner', 'region', 'category', 'requestType'] as const;

/** How long after a self-service answer a case of the same customer means the answer did not deflect it: 72 h. */
export const DEFLECTION_WINDOW_MINUTES = 72 * 60;

const facts = (fact: FactSelector['fact'], where: FactSelector['where'] = []): FactSelector => (where.length > 0 ? { fact, where } : { fact });
const is = (field: string, ...values: string[]) => ({ field, in: values });

interface Entry {
  readonly id: string;
  readonly zh: string;
  readonly en: string;
  readonly description: string;
  readonly measure: Measure;
  readonly unitOfMeasure: string;
  readonly target?: number;
  readonly warning?: number;
  readonly lowerIsBetter?: boolean;
  readonly dimensions?: KpiSpecification['dimensions'];
}

const duration = (to: FactSelector, statistic: 'avg' | 'p90', until: 'first' | 'last'): Measure => ({
  kind: 'duration', from: facts('CaseOpened'), to, statistic, time: 'business', until,
});
const slaMet = (clock: string): Measure => ({
  kind: 'rate',
  numerator: facts('SlaClockStopped', [is('clock', clock), is('met', 'true')]),
  denominator: facts('SlaClockStopped', [is('clock', clock)]),
});

const ENTRIES: readonly Entry[] = [
  { id: 'contacts-received', zh: '受理量', en: 'Contacts received', description: 'Every contact that reached intake, by channel.', measure: { kind: 'count', of: facts('ContactReceived') }, unitOfMeasure: 'contacts', dimensions: ['channel', 'audience', 'region', 'category', 'requestType', 'partner'] },
  { id: 'first-response-time-avg', zh: '平均首次响应时长', en: 'First response time (average)', description: 'Business minutes from opening to the first agent starting work, on the holding unit’s calendar.', measure: duration(facts('FirstResponse'), 'avg', 'first'), unitOfMeasure: 'business minutes', target: 60, warning: 45, lowerIsBetter: true },
  { id: 'first-response-time-p90', zh: '首次响应时长P90', en: 'First response time (p90)', description: 'The 90th percentile (exact, nearest rank) of the business minutes to the first response.', measure: duration(facts('FirstResponse'), 'p90', 'first'), unitOfMeasure: 'business minutes', target: 120, warning: 90, lowerIsBetter: true },
  { id: 'resolution-time-avg', zh: '平均解决时长', en: 'Resolution time (average)', description: 'Business minutes from opening to the last resolution (a reopened case counts once, to its final resolution).', measure: duration(facts('CaseResolved'), 'avg', 'last'), unitOfMeasure: 'business minutes', target: 1440, warning: 1080, lowerIsBetter: true },
  { id: 'resolution-time-p90', zh: '解决时长P90', en: 'Resolution time (p90)', description: 'The 90th percentile (exact, nearest rank) of the business minutes to the last resolution.', measure: duration(facts('CaseResolved'), 'p90', 'last'), unitOfMeasure: 'business minutes', target: 2880, warning: 2160, lowerIsBetter: true },
  { id: 'first-contact-resolution-rate', zh: '一次解决率', en: 'First contact resolution rate', description: 'Closed cases that were never reopened, never handed to a collaboration task and joined by no second contact, over closed cases.', measure: { kind: 'rate', numerator: facts('CaseClosed', [is('firstContact', 'true')]), denominator: facts('CaseClosed') }, unitOfMeasure: 'share', target: 0.8, warning: 0.85 },
  { id: 'response-sla-compliance', zh: '响应及时率', en: 'Response SLA compliance', description: 'Response clocks stopped by their due time, over response clocks stopped.', measure: slaMet('response'), unitOfMeasure: 'share', target: 0.9, warning: 0.95 },
  { id: 'resolution-sla-compliance', zh: '解决及时率', en: 'Resolution SLA compliance', description: 'Resolution clocks stopped by their due time, over resolution clocks stopped.', measure: slaMet('resolution'), unitOfMeasure: 'share', target: 0.9, warning: 0.95 },
  { id: 'collaboration-on-time-rate', zh: '协同及时率', en: 'Collaboration on-time rate', description: 'Collaboration legs completed by their due time (the per-leg clocks), per department and per partner.', measure: slaMet('task-complete'), unitOfMeasure: 'share', target: 0.9, warning: 0.95, dimensions: ['unit', 'partner', 'region'] },
  { id: 'return-rate', zh: '退单率', en: 'Return rate', description: 'Collaboration tasks returned (退单), by reason, over tasks closed.', measure: { kind: 'rate', numerator: facts('TaskClosed', [is('outcome', 'RETURNED')]), denominator: facts('TaskClosed') }, unitOfMeasure: 'share', target: 0.1, warning: 0.05, lowerIsBetter: true, dimensions: ['unit', 'partner', 'region'] },
  { id: 'returns-by-reason', zh: '退单量（按原因）', en: 'Returns by reason', description: 'Collaboration tasks returned, scoped by the return reason.', measure: { kind: 'count', of: facts('TaskClosed', [is('outcome', 'RETURNED')]) }, unitOfMeasure: 'tasks', lowerIsBetter: true, dimensions: ['unit', 'partner', 'region', 'category'] },
  { id: 'reopen-rate', zh: '重开率', en: 'Reopen rate', description: 'Reopenings over resolutions.', measure: { kind: 'rate', numerator: facts('CaseReopened'), denominator: facts('CaseResolved') }, unitOfMeasure: 'share', target: 0.05, warning: 0.03, lowerIsBetter: true },
  { id: 'escalation-rate', zh: '升级率', en: 'Escalation rate', description: 'Cases escalated for the first time (level 1) over cases opened.', measure: { kind: 'rate', numerator: facts('CaseEscalated', [is('level', '1')]), denominator: facts('CaseOpened') }, unitOfMeasure: 'share', target: 0.05, warning: 0.03, lowerIsBetter: true },
  { id: 'ping-pong-count', zh: '踢皮球次数', en: 'Ping-pong count', description: 'Hand-offs bouncing between units beyond the policy.', measure: { kind: 'count', of: facts('PingPongDetected') }, unitOfMeasure: 'detections', lowerIsBetter: true },
  { id: 'backlog', zh: '积压工单', en: 'Backlog (open cases)', description: 'Cases opened and not yet closed or cancelled, as of the end of each bucket.', measure: { kind: 'level', up: facts('CaseOpened'), down: facts('CaseClosed') }, unitOfMeasure: 'cases', lowerIsBetter: true },
  { id: 'csat-average', zh: '满意度均值', en: 'CSAT average', description: 'The average satisfaction score (1–5) requesters gave.', measure: { kind: 'average', of: facts('FeedbackRecorded'), attribute: 'csat' }, unitOfMeasure: 'score 1–5', target: 4, warning: 4.3 },
  { id: 'csat-response-rate', zh: '满意度参评率', en: 'CSAT response rate', description: 'Feedback recorded over cases closed.', measure: { kind: 'rate', numerator: facts('FeedbackRecorded'), denominator: facts('CaseClosed') }, unitOfMeasure: 'share', target: 0.3, warning: 0.4 },
  {
    id: 'knowledge-deflection', zh: '知识分流', en: 'Knowledge deflection',
    description:
      'Self-service answers that did not become cases: knowledge’s SelfServiceResolved (an article solved it before a contact was submitted), unless the same customer opened a case within 72 hours after it (intake’s CaseOpened naming that customer: its customer id or the requester’s own id). The answer is counted in its own bucket and leaves it when the case arrives, whichever of the two events arrives first.',
    measure: { kind: 'count', of: facts('SelfServiceAnswered'), unlessFollowedBy: { of: facts('CaseOpened'), withinMinutes: DEFLECTION_WINDOW_MINUTES } },
    unitOfMeasure: 'answers', dimensions: ['channel', 'audience', 'category'],
  },
];

/** The indicator library every installation starts with (seeded once; administrators revise it like any KPI). */
export const BUILT_IN_KPIS: readonly { readonly kpiId: string; readonly specification: KpiSpecification }[] = ENTRIES.map((entry) => ({
  kpiId: entry.id,
  specification: {
    names: { zh: entry.zh, en: entry.en },
    description: entry.description,
    dimensions: entry.dimensions ?? CASE_DIMENSIONS,
    measure: entry.measure,
    filters: [],
    unitOfMeasure: entry.unitOfMeasure,
    target: entry.target ?? null,
    warning: entry.warning ?? null,
    direction: entry.lowerIsBetter ? 'LOWER_IS_BETTER' : 'HIGHER_IS_BETTER',
    granularities: ALL_GRANULARITIES,
  },
}));
