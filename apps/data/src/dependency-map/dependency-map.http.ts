import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { Allow, Answers, instantSchema } from '@collab/service-kit';
import { DependencyMap } from './dependency-map';
import { dependencyMapSchema, type DependencyMapView } from './dependency-map.answers';

const windowSchema = z.object({ from: instantSchema().optional(), to: instantSchema().optional() }).strict();
class DependencyWindow extends createZodDto(windowSchema) {}

@ApiTags('data')
@ApiBearerAuth()
@Controller('api/v1/data/dependencies')
// Which unit serves which, and how well: for staff and supervisors.
@Allow('staff')
export class DependencyMapHttp {
  constructor(private readonly map: DependencyMap) {}

  /** The service dependency map: who hands work to whom, per edge volume, median business turnaround, return rate and ping-pong, and the bottlenecks named. */
  @Answers(dependencyMapSchema, { description: 'The map over the window (all time where none given).' })
  @Get()
  draw(@Query() window: DependencyWindow): Promise<DependencyMapView> {
    return this.map.draw({ from: window.from ? new Date(window.from) : undefined, to: window.to ? new Date(window.to) : undefined });
  }
}
