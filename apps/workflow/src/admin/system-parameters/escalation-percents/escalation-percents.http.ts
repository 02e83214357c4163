import { Body, Controller, Get, Headers, Put } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBearerAuth, ApiConflictResponse, ApiTags } from '@nestjs/swagger';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { Allow, Answers, CurrentPrincipal, originOf, type Principal } from '@collab/service-kit';
import { EscalationPercentsBook } from './escalation-percents-book';
import { escalationPercentsAnswerOf, escalationPercentsSchema, type EscalationPercentsAnswer } from './escalation-percents.answers';

const VERSION_MESSAGE = 'must be the version read: 0, 1, …';

/** The JSON shape only; what the percentages may be (ascending, 1–100, at most five) the decider says, naming `percents.<i>`. */
const changeEscalationPercentsSchema = z.strictObject({
  percents: z.array(z.number({ message: 'must be a whole percentage' }), { message: 'must be a list of percentages' }).max(20, { message: 'must list at most 5 percentages' }),
  expectedVersion: z.number({ message: VERSION_MESSAGE }).int({ message: VERSION_MESSAGE }).min(0, { message: VERSION_MESSAGE }),
  reason: z
    .string()
    .transform((value) => value.normalize('NFC').trim())
    .pipe(z.string().min(1, { message: 'must not be empty' }).max(500, { message: 'must be at most 500 characters' }))
    .optional(),
});

class ChangeEscalationPercentsRequest extends createZodDto(changeEscalationPercentsSchema) {}

@ApiTags('admin')
@ApiBearerAuth()
@Controller('api/v1/admin/escalation-percents')
export class EscalationPercentsHttp {
  constructor(private readonly book: EscalationPercentsBook) {}

  /** The escalation percentages (a system parameter) in force, what they stand for, and their last change. */
  @Answers(escalationPercentsSchema)
  @Get()
  @Allow('admin')
  async read(): Promise<EscalationPercentsAnswer> {
    return escalationPercentsAnswerOf(await this.book.state());
  }

  /**
   * Changes the escalation percentages: SLA clocks started from now on warn and escalate at them
   * instead of at their process's; running clocks keep the instants they started with. An empty
   * list hands the clocks back their process's policy. The change is an event with its actor and
   * reason (audited).
   */
  @Answers(escalationPercentsSchema, { problems: [409] })
  @Put()
  @Allow('admin')
  @ApiBadRequestResponse({ description: 'A percentage is not whole, outside 1–100 or not above the one before it, or there are more than five; each is named.' })
  @ApiConflictResponse({ description: 'expectedVersion is not their version: another change came first.' })
  async change(
    @Body() body: ChangeEscalationPercentsRequest,
    @CurrentPrincipal() principal: Principal,
    @Headers('x-correlation-id') correlationId?: string,
  ): Promise<EscalationPercentsAnswer> {
    const origin = originOf(principal, correlationId);
    const command = { type: 'ChangeEscalationPercents', percents: body.percents, expectedVersion: body.expectedVersion, actor: origin.actor, reason: body.reason ?? null } as const;
    return escalationPercentsAnswerOf(await this.book.change(command, origin));
  }
}
