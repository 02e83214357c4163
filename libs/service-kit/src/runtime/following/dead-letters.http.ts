import { Answers } from '../../http/answers/answers.decorator';
import { Body, Controller, Get, HttpCode, Inject, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { DeadLetterStore, type StoredDeadLetter } from '@collab/following';
import { Roles } from '../../auth/auth.guard';
import type { PlatformConfig } from '../../config/platform.config';
import type { Database } from '../database';
import { HostedServices } from '../hosted-services';
import { DATABASE, PLATFORM_CONFIG } from '../tokens';
import { deadLetterListSchema, replayRequestedSchema } from '../../http/answers/operations.answers';
import { pageOf, pageQueryShape } from '../../http/list-page';

const name = z.string().trim().min(1).max(200).regex(/^[\w.:-]+$/, { message: 'must be a follower name such as workflow.assign-agent or consumer:workflow.route-case' });

export class ReplayRequest extends createZodDto(
  z.strictObject({
    follower: name,
    /** One parked stream (or Kafka key); all of the follower's when left out. */
    streamId: z.string().trim().min(1).max(500).optional(),
  }),
) {}

export class DeadLetterQuery extends createZodDto(z.strictObject({ follower: name.optional(), ...pageQueryShape })) {}

const asListed = (letter: StoredDeadLetter) => ({
  id: letter.id,
  follower: letter.follower,
  eventId: letter.eventId,
  eventType: letter.eventType,
  streamId: letter.streamId,
  position: letter.position?.toString() ?? null,
  error: letter.error,
  attempts: letter.attempts,
  recordedAt: letter.recordedAt.toISOString(),
  replayedAt: letter.replayedAt?.toISOString() ?? null,
});

/**
 * The operator's view of poison (DESIGN §3 "Errors"): what each follower of this process's services
 * dead-lettered, and a replay request. The follower's owner — wherever its lease or partition is —
 * hands the parked stream's letters to its handler again, in order, at its next idle moment, and
 * frees the stream once none is left. `npm run dlq` drives these endpoints.
 */
@ApiTags('operations')
@ApiBearerAuth()
@Controller('api/v1/admin/dead-letters')
export class DeadLettersHttp {
  constructor(
    private readonly hosted: HostedServices,
    @Inject(DATABASE) private readonly database: Database,
    @Inject(PLATFORM_CONFIG) private readonly config: PlatformConfig,
  ) {}

  @Answers(deadLetterListSchema)
  @Get()
  @Roles('admin')
  async list(@Query() query: DeadLetterQuery) {
    const letters = await Promise.all(
      this.homes().map(async (home) => (await new DeadLetterStore(home).list(this.database.pool, query.follower)).map((letter) => ({ home, letter }))),
    );
    // Oldest first; each service keeps its own ids, so the key names the home too.
    const page = pageOf(letters.flat(), query, ({ home, letter }) => `${letter.recordedAt.toISOString()}|${home}|${letter.id}`);
    return { items: page.items.map(({ letter }) => asListed(letter)), page: page.page };
  }

  @Answers(replayRequestedSchema)
  @Post('replay')
  @HttpCode(202)
  @Roles('admin')
  async replay(@Body() request: ReplayRequest) {
    const counts = await Promise.all(this.homes().map((home) => new DeadLetterStore(home).requestReplay(this.database.pool, request.follower, request.streamId)));
    return { follower: request.follower, streamsRequested: counts.reduce((sum, count) => sum + count, 0) };
  }

  /** Where followers of this process keep their dead letters: each hosted service's schema, and, for the all-in-one platform, its consumers'. */
  private homes(): string[] {
    return [...this.hosted.all().map(({ contract }) => contract.service), ...(this.config.SERVICE === 'platform' ? ['messaging'] : [])];
  }
}
