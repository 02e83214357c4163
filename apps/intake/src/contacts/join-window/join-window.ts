import { Inject, Injectable } from '@nestjs/common';
import { BriefMemory, DATABASE, PLATFORM_CONFIG, type Database, type PlatformConfig } from '@collab/service-kit';

/**
 * The de-duplication window a contact is placed with: a contact of the same requester and
 * category within it joins the open case. The deployment configures it
 * (INTAKE_JOIN_WINDOW_MINUTES); an administrator's change arrives as workflow's
 * SystemParameterChanged (JoinWindowConsumer) and holds for contacts placed after it.
 */
@Injectable()
export class JoinWindow {
  // Every contact reads it; it changes only when an administrator changes it.
  private readonly memory = new BriefMemory<'joinWindowMinutes', number>();

  constructor(
    @Inject(DATABASE) private readonly database: Database,
    @Inject(PLATFORM_CONFIG) private readonly config: PlatformConfig,
  ) {}

  minutes(): Promise<number> {
    return this.memory.lookUp('joinWindowMinutes', async () => {
      const { rows } = await this.database.pool.query<{ value: number }>("select value from intake.system_parameter where name = 'joinWindowMinutes'");
      return rows[0]?.value ?? this.config.INTAKE_JOIN_WINDOW_MINUTES;
    });
  }

  /** A change was applied here: the next contact reads it. */
  changed(): void {
    this.memory.forget();
  }
}
