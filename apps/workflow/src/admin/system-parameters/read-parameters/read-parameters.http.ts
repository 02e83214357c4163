import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { Allow, Answers, pageOf, pageQueryShape, type ListPage } from '@collab/service-kit';
import { SystemParameterBook } from '../system-parameter-book';
import { answerOf, systemParameterListSchema, type SystemParameterAnswer } from '../system-parameters.answers';

class ParameterPageQuery extends createZodDto(z.strictObject(pageQueryShape)) {}

@ApiTags('admin')
@ApiBearerAuth()
@Controller('api/v1/admin/parameters')
export class ReadParametersHttp {
  constructor(private readonly book: SystemParameterBook) {}

  /** Every system parameter with the value in force, the configured one, its range and its last change, by name. */
  @Answers(systemParameterListSchema, { description: 'The parameters, ordered by name.' })
  @Get()
  @Allow('admin')
  async all(@Query() query: ParameterPageQuery): Promise<ListPage<SystemParameterAnswer>> {
    return pageOf((await this.book.all()).map(answerOf), query, (parameter) => parameter.name);
  }
}
