import { CALENDAR_ID_PATTERN } from '@collab/business-calendar';
import type { DecisionContext, FieldError } from '@collab/domain-kernel';
import { routingRulesErrors } from '../routing';
import { isBlank, requireText, requireWholeNumber } from '../validation';
import type {
  EscalationPolicy,
  ProcessDefinition,
  ProcessScope,
  ProcessStage,
  StageSla,
} from './process-definition';

/** Process ids are slugs, like calendar ids: they appear in paths and in every case's events. */
export const PROCESS_ID_PATTERN = /^[a-z0-9][a-z0-9-]{0,62}$/;

/** The catch-all process: it takes every case no other process's scope matches. */
export const DEFAULT_PROCESS_ID = 'default';

const at = (prefix: string, errors: readonly FieldError[]): FieldError[] =>
  errors.map((error) => ({ ...error, field: `${prefix}.${error.field}` }));

const scopeErrors = (processId: string, scope: ProcessScope): FieldError[] => {
  const lists = Object.entries(scope) as [keyof ProcessScope, readonly string[] | undefined][];
  const listErrors = lists
    .filter(([, values]) => values !== undefined && (values.length === 0 || values.some(isBlank)))
    .map(([key]) => ({
      field: `scope.${key}`,
      message: 'must list at least one value, none of them empty, or be left out to match any',
    }));
  const defaultScoped =
    processId === DEFAULT_PROCESS_ID && lists.some(([, values]) => values !== undefined)
      ? [
          {
            field: 'scope',
            message: 'the default process takes every case no other process takes; its scope stays empty',
          },
        ]
      : [];
  return [...listErrors, ...defaultScoped];
};

const slaErrors = (sla: StageSla): FieldError[] => {
  const response = requireWholeNumber('responseWithinBusinessMinutes', sla.responseWithinBusinessMinutes, 1);
  const resolution = requireWholeNumber(
    'resolutionWithinBusinessMinutes',
    sla.resolutionWithinBusinessMinutes,
    1,
  );
  const order =
    response.length === 0 &&
    resolution.length === 0 &&
    sla.responseWithinBusinessMinutes > sla.resolutionWithinBusinessMinutes
      ? [
          {
            field: 'responseWithinBusinessMinutes',
            message:
              'must not exceed resolutionWithinBusinessMinutes: a response comes before the resolution',
          },
        ]
      : [];
  const calendar = CALENDAR_ID_PATTERN.test(sla.calendarId)
    ? []
    : [{ field: 'calendarId', message: 'must be a calendar id such as cn-standard or 24x7' }];
  return [...calendar, ...response, ...resolution, ...order];
};

const stageErrors = (stage: ProcessStage, index: number, stages: readonly ProcessStage[]): FieldError[] => {
  const duplicate =
    !isBlank(stage.id) && stages.findIndex((other) => other.id === stage.id) < index
      ? [{ field: 'id', message: `${stage.id} is used by an earlier stage` }]
      : [];
  return at(`stages.${index}`, [
    ...requireText('id', stage.id),
    ...duplicate,
    ...requireText('name', stage.name),
    ...at('sla', slaErrors(stage.sla)),
  ]);
};

const stagesErrors = (stages: readonly ProcessStage[]): FieldError[] => {
  if (stages.length === 0)
    return [{ field: 'stages', message: 'must list at least one stage, a FRONT_LINE one among them' }];
  const frontLine = stages.some((stage) => stage.unitType === 'FRONT_LINE')
    ? []
    : [{ field: 'stages', message: 'must include a FRONT_LINE stage: the case’s own main line' }];
  return [...frontLine, ...stages.flatMap((stage, index) => stageErrors(stage, index, stages))];
};

const isPercent = (value: number, from: number, to: number): boolean =>
  Number.isInteger(value) && value >= from && value <= to;

const escalationErrors = ({ warnAtPercent, levels }: EscalationPolicy): FieldError[] => {
  const warn = isPercent(warnAtPercent, 1, 99)
    ? []
    : [
        {
          field: 'escalation.warnAtPercent',
          message: 'must be a whole percentage from 1 to 99: the warning comes before the breach',
        },
      ];
  if (levels.length === 0)
    return [
      ...warn,
      { field: 'escalation.levels', message: 'must list at least level 1, at 100% (the breach)' },
    ];
  const levelErrors = levels.flatMap((level, index) => {
    const field = `escalation.levels.${index}`;
    const previous = levels[index - 1];
    return [
      ...(level.level === index + 1
        ? []
        : [{ field: `${field}.level`, message: `must be ${index + 1}: levels count up from 1` }]),
      ...(index === 0 && level.atPercent !== 100
        ? [{ field: `${field}.atPercent`, message: 'must be 100: level 1 is reached at the breach' }]
        : []),
      ...(Number.isInteger(level.atPercent) &&
      (previous === undefined || level.atPercent > previous.atPercent)
        ? []
        : [{ field: `${field}.atPercent`, message: 'must be a whole percentage above the level before it' }]),
    ];
  });
  return [...warn, ...levelErrors];
};

const fallbackErrors = (definition: ProcessDefinition): FieldError[] => {
  const { fallback, routingRules } = definition;
  const sharesRuleId = routingRules.some((rule) => rule.id === fallback.ruleId)
    ? [
        {
          field: 'fallback.ruleId',
          message: `${fallback.ruleId} is a rule's id; a case must show whether a rule or the fallback routed it`,
        },
      ]
    : [];
  return [
    ...at('fallback', [...requireText('queue', fallback.queue), ...requireText('ruleId', fallback.ruleId)]),
    ...sharesRuleId,
  ];
};

/**
 * Every problem of a whole process definition, each naming its field as the request does
 * (`routingRules.2.when.region`, `stages.1.sla.calendarId`, `escalation.levels.0.atPercent`):
 * an administrator fixes them all from one answer.
 */
export const processDefinitionErrors = (definition: ProcessDefinition): FieldError[] => [
  ...(PROCESS_ID_PATTERN.test(definition.processId)
    ? []
    : [
        {
          field: 'processId',
          message: 'must be a slug such as billing-complaints (lowercase letters, digits, hyphens)',
        },
      ]),
  ...requireText('name', definition.name),
  ...scopeErrors(definition.processId, definition.scope),
  ...routingRulesErrors(definition.routingRules).map((error) => ({
    ...error,
    // The request's own field names and path style (`routingRules.2.when.region`).
    field: error.field.replace(/^rules\[(\d+)\]/, 'routingRules.$1'),
  })),
  ...fallbackErrors(definition),
  ...stagesErrors(definition.stages),
  ...escalationErrors(definition.escalation),
];

/** What a process command is decided on besides the time: the queues the org directory has open now. */
export interface ProcessDecisionContext extends DecisionContext {
  /** Queues defined and not retired, among those the command names (the app looks each one up). */
  readonly openQueues: ReadonlySet<string>;
}

/** Every queue a definition routes to: its rules' and its fallback's. */
export const queuesRoutedBy = (definition: Pick<ProcessDefinition, 'routingRules' | 'fallback'>): string[] => [
  ...new Set([...definition.routingRules.map((rule) => rule.queue), definition.fallback.queue]),
];

/**
 * A rule or fallback naming a queue that is not open would route cases where no workbench shows
 * them (not even an administrator's): each such queue is named at its field.
 */
export const unknownQueueErrors = (
  definition: Pick<ProcessDefinition, 'routingRules' | 'fallback'>,
  openQueues: ReadonlySet<string>,
): FieldError[] => {
  const unknown = (queue: string) => !isBlank(queue) && !openQueues.has(queue);
  const message = (queue: string) =>
    `no open queue ${queue}: define it first, or a case routed there waits where nobody sees it`;
  return [
    ...definition.routingRules.flatMap((rule, index) =>
      unknown(rule.queue) ? [{ field: `routingRules.${index}.queue`, message: message(rule.queue) }] : [],
    ),
    ...(unknown(definition.fallback.queue)
      ? [{ field: 'fallback.queue', message: message(definition.fallback.queue) }]
      : []),
  ];
};
