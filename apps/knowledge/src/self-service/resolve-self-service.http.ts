import { randomUUID } from 'node:crypto';
import { Body, Controller, Headers, HttpCode, Inject, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { ValidationFailed, actsForOthers, Forbidden } from '@collab/domain-kernel';
import type { EventStore } from '@collab/event-store';
import { selfServiceDecider, selfServiceStreamId, type RecordSelfServiceResolution } from '@collab/knowledge-domain';
import { Allow, Answers, CLOCK, CommandHandler, CurrentPrincipal, EVENT_STORE, originOf, type Clock, type Principal } from '@collab/service-kit';
import { ArticleReader } from '../articles/article-reader';
import { selfServiceResolutionSchema, type SelfServiceResolution } from '../knowledge.answers';
import { SelfServiceResolutionBody } from './self-service.request';

/** A customer acts for themselves only; channels and staff name the customer they act for. */
const customerOf = (principal: Principal, named: string | undefined): string => {
  if (!actsForOthers(principal)) {
    if (named !== undefined && named !== principal.subject) throw new Forbidden('a customer records a resolution only for themselves');
    return principal.subject;
  }
  if (named === undefined) throw new ValidationFailed([{ field: 'customerId', message: 'names the customer a channel or agent acts for' }]);
  return named;
};

/**
 * "This solved it": a customer's need was met by an article before any case was opened
 * (SelfServiceResolved, the deflection KPI). The article must be one the caller may see (else 404).
 */
@ApiTags('knowledge')
@ApiBearerAuth()
@Controller('api/v1/knowledge/self-service/resolutions')
@Allow('requester', 'channel', 'staff', 'partner-staff')
export class ResolveSelfServiceHttp {
  private readonly resolutions;

  constructor(
    @Inject(EVENT_STORE) store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly reader: ArticleReader,
  ) {
    this.resolutions = new CommandHandler(store, selfServiceDecider, { streamOf: (command: RecordSelfServiceResolution) => selfServiceStreamId(command.resolution.resolutionId), retriesOnConflict: 1 });
  }

  @Answers(selfServiceResolutionSchema, { problems: [404, 409], description: 'The resolution recorded.' })
  @Post()
  @HttpCode(201)
  async resolve(@Body() body: SelfServiceResolutionBody, @CurrentPrincipal() principal: Principal, @Headers('x-correlation-id') correlationId?: string): Promise<SelfServiceResolution> {
    const customerId = customerOf(principal, body.customerId);
    const article = await this.reader.published(body.articleId, principal);
    const resolutionId = body.resolutionId ?? randomUUID();
    const resolution = {
      resolutionId, articleId: article.id, knowledgePointId: article.knowledgePointId, articleVersion: article.version, customerId,
      ...(body.channel === undefined ? {} : { channel: body.channel }),
    };
    await this.resolutions.handle({ type: 'RecordSelfServiceResolution', resolution }, { now: this.clock.now() }, { origin: originOf(principal, correlationId) });
    return { resolutionId, articleId: article.id, customerId };
  }
}
