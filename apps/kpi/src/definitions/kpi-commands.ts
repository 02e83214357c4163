import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { NotFound, type DecisionContext } from '@collab/domain-kernel';
import type { EventStore } from '@collab/event-store';
import { BUILT_IN_KPIS, kpiDecider, kpiStreamId, type KpiCommand, type KpiDefinitionEvent, type KpiState } from '@collab/kpi-domain';
import { CLOCK, CommandHandler, EVENT_STORE, seedOnce, type Clock, type CommandOrigin } from '@collab/service-kit';

export type KnownKpi = Exclude<KpiState, { status: 'none' }>;

/** Runs analysts' commands on one KPI's stream; seeds the built-in library once, before the API listens. */
@Injectable()
export class KpiCommands implements OnApplicationBootstrap {
  private readonly logger = new Logger('KpiLibrary');
  readonly kpis: CommandHandler<KpiCommand, KpiDefinitionEvent, KpiState, DecisionContext>;

  constructor(
    @Inject(EVENT_STORE) store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {
    this.kpis = new CommandHandler(store, kpiDecider, { streamOf: (command: KpiCommand) => kpiStreamId(command.kpiId), retriesOnConflict: 2 });
  }

  async onApplicationBootstrap(): Promise<void> {
    let seeded = 0;
    for (const { kpiId, specification } of BUILT_IN_KPIS) {
      const wrote = await seedOnce(this.kpis, {
        command: { type: 'DefineKpi', kpiId, specification, builtIn: true },
        context: { now: this.clock.now() },
        key: `kpi/${kpiId}`,
        seededBy: 'kpi.seed',
      });
      if (wrote) seeded += 1;
    }
    if (seeded > 0) this.logger.log(`seeded ${seeded} built-in KPIs`);
  }

  async load(kpiId: string): Promise<KnownKpi> {
    const { state } = await this.kpis.load(kpiStreamId(kpiId));
    if (state.status === 'none') throw new NotFound('KPI', kpiId);
    return state;
  }

  /** Runs the command and answers with the KPI as it now is. */
  async execute(command: KpiCommand, origin: CommandOrigin): Promise<KnownKpi> {
    if (command.type !== 'DefineKpi') await this.load(command.kpiId);
    const handled = await this.kpis.handle(command, { now: this.clock.now() }, { origin });
    const after = handled.events.reduce(kpiDecider.evolve, handled.state);
    if (after.status === 'none') throw new Error(`KPI ${command.kpiId} does not exist after ${command.type}`);
    return after;
  }
}
