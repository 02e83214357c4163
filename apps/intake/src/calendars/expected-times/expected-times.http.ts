import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ExpectedTimesHandler } from './expected-times.handler';
import { ExpectedTimesRequest } from './expected-times.request';
import { Answers, Allow } from '@collab/service-kit';
import { expectedTimesSchema, type ExpectedTimesAnswer } from '../../intake.answers';

/**
 * Lives with the calendars, not with submitting contacts: it answers from workflow's processes as
 * intake knows them and the calendars, and no contact exists.
 */
@ApiTags('contacts')
@ApiBearerAuth()
@Allow('requester')
@Controller('api/v1/contacts/expected-times')
export class ExpectedTimesHttp {
  constructor(private readonly handler: ExpectedTimesHandler) {}

  /**
   * What a contact of this kind arriving then would be promised, so a channel can show an honest
   * promise before the customer submits. Stores nothing.
   */
  @Answers(expectedTimesSchema)
  @Post()
  @HttpCode(200)
  @ApiOkResponse({
    description:
      'The expected first-response and resolution times: the front-line SLA of the process the case would start on, in business time on its calendar.',
  })
  answer(@Body() body: ExpectedTimesRequest): Promise<ExpectedTimesAnswer> {
    return this.handler.answer(body);
  }
}
