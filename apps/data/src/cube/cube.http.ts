import { Controller, Get, Headers, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { readCubeQuery } from '@collab/data-domain';
import { ValidationFailed } from '@collab/domain-kernel';
import { Allow, Answers } from '@collab/service-kit';
import { DataCube, sliceAsCsv } from './data-cube';
import { cubeSliceCsvSchema, cubeSliceSchema, type CubeSlice } from './cube.answers';
import { CubeQueryParams } from './cube.request';

@ApiTags('data')
@ApiBearerAuth()
@Controller('api/v1/data/cube')
// The cube counts every case of every customer: staff and supervisors read it, customers and partners do not.
@Allow('staff')
export class CubeHttp {
  constructor(private readonly cube: DataCube) {}

  /** A slice of the data cube (数据魔方): measures per dimension values; coarser levels roll up, filters on a level drill down. JSON, or CSV for `Accept: text/csv`. */
  @Answers(cubeSliceSchema, { alternatives: { 'text/csv': cubeSliceCsvSchema }, description: 'The slice: JSON, or its rows as CSV for `Accept: text/csv`.' })
  @Get()
  async slice(@Query() params: CubeQueryParams, @Headers('accept') accept: string | undefined, @Res({ passthrough: true }) response: Response): Promise<CubeSlice | string> {
    const read = readCubeQuery(params);
    if ('problems' in read) throw new ValidationFailed(read.problems);
    const slice = await this.cube.slice(read.query);
    if (!accept?.includes('text/csv')) return slice;
    response.type('text/csv; charset=utf-8');
    return sliceAsCsv(slice);
  }
}
