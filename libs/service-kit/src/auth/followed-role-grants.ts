import { Inject, Injectable, Logger, Optional, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { readerFor, workflowLanguage, type CollabEvent } from '@collab/contracts';
import { rolesGrantedIn, type UnitRole } from '@collab/domain-kernel';
import { EVENT_CONSUMER, ProcessedEvents, type EventConsumerPort, type RunningConsumer } from '@collab/messaging';
import { ModuleRef } from '@nestjs/core';
import { BriefMemory } from '../caching/brief-memory';
import type { Database } from '../runtime/database';
import { HostedServices } from '../runtime/hosted-services';
import { DATABASE } from '../runtime/tokens';
import type { Principal } from './principal';
import { grantSourceOf, type GrantedRoles, type RoleGrantSource } from './role-grants';

const workflow = readerFor(workflowLanguage, { only: ['RoleGranted', 'RoleRevoked'] });

/** The longest user id a grant can name (workflow refuses longer ones): longer subjects hold none. */
const MAX_USER_ID = 128;

/**
 * Role grants as a process without workflow knows them (issue 13): it follows workflow's published
 * RoleGranted and RoleRevoked into `<schema>.role_grant` of the service it hosts, so its REST guard
 * and gRPC calls add the same roles workflow's own would. Each event is applied in the transaction
 * that records it as processed, so a redelivery changes nothing; events of one user's stream arrive
 * in order, so a revocation never overtakes its grant. A process that hosts workflow reads the
 * grants from workflow's store instead (RoleGrantBook), and this stays idle there.
 */
@Injectable()
export class FollowedRoleGrants implements RoleGrantSource, OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('RoleGrants');
  // Every request of a user reads their grants; they change only when an administrator changes them.
  private readonly memory = new BriefMemory<string, UnitRole[]>();
  private schema?: string;
  private consumer?: RunningConsumer;

  constructor(
    @Inject(EVENT_CONSUMER) private readonly events: EventConsumerPort,
    @Inject(DATABASE) private readonly database: Database,
    private readonly hosted: HostedServices,
    @Optional() private readonly modules?: ModuleRef,
  ) {}

  private resolved?: RoleGrantSource | null;

  /** Where this process's auth reads grants: workflow's store where it runs workflow, else this copy. */
  source(): RoleGrantSource | null {
    if (this.resolved === undefined) this.resolved = grantSourceOf(this.modules, this);
    return this.resolved;
  }

  /** Whether this process follows grants (it hosts services, and workflow is not among them). */
  get following(): boolean {
    return this.schema !== undefined;
  }

  async onApplicationBootstrap(): Promise<void> {
    const [first] = this.hosted.all();
    if (first === undefined || this.hosted.get('workflow') !== undefined) return;
    const schema = first.contract.service;
    const consumerName = `${schema}.role-grants`;
    const inbox = new ProcessedEvents({ schema });
    try {
      this.consumer = await this.events.consume({ consumerName, source: 'workflow', handle: (event) => this.on(event, schema, consumerName, inbox) });
    } catch (error) {
      // A single service run on its own without Kafka (a service's test app) has no workflow log to follow: no grants apply there.
      this.logger.warn(`role grants not applied in this process: ${error instanceof Error ? error.message : String(error)}`);
      return;
    }
    this.schema = schema;
    this.logger.log(`following workflow's role grants into ${schema}.role_grant`);
  }

  async onModuleDestroy(): Promise<void> {
    await this.consumer?.stop();
  }

  async grantedTo(principal: Principal): Promise<GrantedRoles> {
    const schema = this.schema;
    if (schema === undefined || principal.subject.length > MAX_USER_ID) return { roles: [] };
    const held = await this.memory.lookUp(principal.subject, async () => {
      const { rows } = await this.database.pool.query<UnitRole>(`select unit, role from "${schema}".role_grant where user_id = $1 order by unit, role`, [principal.subject]);
      return rows;
    });
    return rolesGrantedIn(held, principal.unit);
  }

  private async on(event: CollabEvent, schema: string, consumerName: string, inbox: ProcessedEvents): Promise<void> {
    const message = workflow.read(event);
    if (message === undefined) return;
    const { userId, unit, role } = message.data;
    await inbox.runOnce(this.database.pool, { consumerName, eventId: event.id }, async (tx) => {
      await tx.query(
        message.type === 'RoleGranted'
          ? `insert into "${schema}".role_grant (user_id, unit, role) values ($1, $2, $3) on conflict do nothing`
          : `delete from "${schema}".role_grant where user_id = $1 and unit = $2 and role = $3`,
        [userId, unit, role],
      );
    });
    this.memory.forget(userId);
  }
}
