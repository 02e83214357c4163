import { Controller, Get, Param, Query } from '@nestjs/common';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { ApiBearerAuth, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Answers, NotFound, Roles, pageOf, pageQueryShape, type ListPage } from '@collab/service-kit';
import type { PublishedProcess } from '@collab/workflow-domain';
import { processDetailsOf, type ProcessDetails } from '../process-details';
import { ProcessIdParam, ProcessVersionParam } from '../process-id.param';
import { PublishedProcesses } from '../published-processes';
import { ProcessList, type ProcessListEntry } from './process-list';
import { processDetailsSchema, processListSchema, publishedProcessSchema } from '../../workflow.answers';

class ReadProcessesQuery extends createZodDto(z.strictObject(pageQueryShape)) {}

/** Staff read the processes: how cases are routed and timed is internal. */
@ApiTags('processes')
@ApiBearerAuth()
@Controller('api/v1/processes')
@Roles('agent', 'supervisor', 'back-office', 'admin')
export class ReadProcessesHttp {
  constructor(
    private readonly list: ProcessList,
    private readonly processes: PublishedProcesses,
  ) {}

  @Answers(processListSchema)
  @Get()
  @ApiOkResponse({ description: 'A page of the processes with their latest version number and scope, ordered by id.' })
  async all(@Query() query: ReadProcessesQuery): Promise<ListPage<ProcessListEntry>> {
    return pageOf(await this.list.all(), query, (process) => process.processId);
  }

  @Answers(processDetailsSchema)
  @Get(':id')
  @ApiOkResponse({ description: 'The process: its latest version whole, and the list of its versions.' })
  @ApiNotFoundResponse({ description: 'No process has this id.' })
  async get(@Param('id', ProcessIdParam) id: string): Promise<ProcessDetails> {
    const details = processDetailsOf(await this.processes.load(id));
    if (!details) throw new NotFound('process', id);
    return details;
  }

  @Answers(publishedProcessSchema)
  @Get(':id/versions/:version')
  @ApiOkResponse({ description: 'One version exactly as published; it never changes.' })
  @ApiNotFoundResponse({ description: 'No such process, or it has no such version.' })
  async version(
    @Param('id', ProcessIdParam) id: string,
    @Param('version', ProcessVersionParam) version: number,
  ): Promise<PublishedProcess> {
    const published = await this.processes.version(id, version);
    if (!published) throw new NotFound('process version', `${id} v${version}`);
    return published;
  }
}
