import { Inject, Injectable } from '@nestjs/common';
import type { EventStore } from '@collab/event-store';
import type { FieldError } from '@collab/domain-kernel';
import { CLOCK, CommandHandler, EVENT_STORE, ValidationFailed, type Clock, type CommandOrigin } from '@collab/service-kit';
import {
  processDecider,
  processDefinitionErrors,
  processStreamId,
  unknownQueueErrors,
  queuesRoutedBy,
  type ProcessCommand,
  type ProcessDecisionContext,
  type ProcessDefinition,
  type ProcessEvent,
  type ProcessState,
} from '@collab/workflow-domain';
import { BUSINESS_CALENDARS, ORG_LOOKUP, type BusinessCalendars, type OrgLookup } from '../workflow.ports';
import { processDetailsOf, type ProcessDetails } from './process-details';

const processIdOf = (command: ProcessCommand): string =>
  command.type === 'PublishProcessVersion' ? command.definition.processId : command.processId;

/**
 * Process commands run here, for administrators and the seed alike. No retry on a conflict: a
 * publication names the version it was based on, and another version appearing meanwhile is
 * exactly what the administrator must be told about.
 */
export const processCommandHandler = (store: EventStore) =>
  new CommandHandler(store, processDecider, { streamOf: (command: ProcessCommand) => processStreamId(processIdOf(command)), retriesOnConflict: 0 });

/** Runs an administrator's command on one process stream and answers with the process as it now is. */
@Injectable()
export class ProcessCommands {
  private readonly processes: CommandHandler<ProcessCommand, ProcessEvent, ProcessState, ProcessDecisionContext>;

  constructor(
    @Inject(EVENT_STORE) store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(BUSINESS_CALENDARS) private readonly calendars: BusinessCalendars,
    @Inject(ORG_LOOKUP) private readonly org: OrgLookup,
  ) {
    this.processes = processCommandHandler(store);
  }

  async execute(command: ProcessCommand, origin: CommandOrigin): Promise<ProcessDetails> {
    // The queues are looked up in the directory's streams now; the decider refuses any not open.
    const openQueues =
      command.type === 'PublishProcessVersion'
        ? await this.org.openQueues(queuesRoutedBy(command.definition))
        : new Set<string>();
    if (command.type === 'PublishProcessVersion') await this.refuseUnusable(command.definition, openQueues);
    const processId = processIdOf(command);
    const handled = await this.processes.handle(command, { now: this.clock.now(), openQueues }, { origin });
    // The process exactly as this request left it, even if another change follows at once.
    const details = processDetailsOf(handled.events.reduce(processDecider.evolve, handled.state));
    if (!details) throw new Error(`process ${processId} does not exist after ${command.type}`);
    return details;
  }

  /**
   * Every field problem in one answer: the definition's own, queues that are not open, and stage
   * calendars workflow does not know (a case on them could get no due times). The decider checks
   * the definition and the queues again.
   */
  private async refuseUnusable(definition: ProcessDefinition, openQueues: ReadonlySet<string>): Promise<void> {
    const own = [...processDefinitionErrors(definition), ...unknownQueueErrors(definition, openQueues)];
    const unknownCalendars: FieldError[] = [];
    for (const [index, stage] of definition.stages.entries()) {
      const field = `stages.${index}.sla.calendarId`;
      if (own.some((error) => error.field === field)) continue;
      if (!(await this.calendars.calendar(stage.sla.calendarId)))
        unknownCalendars.push({ field, message: `unknown calendar "${stage.sla.calendarId}"` });
    }
    const errors = [...own, ...unknownCalendars];
    if (errors.length > 0) throw new ValidationFailed(errors);
  }
}
