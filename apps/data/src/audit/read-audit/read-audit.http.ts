import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { Allow, Answers, instantSchema, pageQueryShape, type ListPage } from '@collab/service-kit';
import { AUDITED_SERVICES } from '../audit-trail/audit-trail.consumers';
import { auditListSchema, type AuditEntry } from './audit.answers';
import { AuditQuery } from './audit-query';

const auditQuerySchema = z.strictObject({
  ...pageQueryShape,
  actor: z
    .string()
    .min(1, { message: 'must be <kind>:<id> or an id' })
    .max(200, { message: 'must be at most 200 characters' })
    .regex(/^[A-Za-z0-9._:@-]+$/, { message: 'must be <kind>:<id> or an id (letters, digits, . _ : @ -)' })
    .optional(),
  from: instantSchema().optional(),
  to: instantSchema().optional(),
  service: z.enum(AUDITED_SERVICES, { message: `must be one of ${AUDITED_SERVICES.join(', ')}` }).optional(),
});
class AuditPageQuery extends createZodDto(auditQuerySchema) {}

@ApiTags('admin')
@ApiBearerAuth()
@Controller('api/v1/admin/audit')
export class ReadAuditHttp {
  constructor(private readonly audit: AuditQuery) {}

  /**
   * The audit trail across the services: who did what, when and from where, newest first, from
   * the metadata of every published event (administrators' own changes included). Filter by
   * actor (`user:admin-1` or `admin-1`), service and a time range [from, to).
   */
  @Answers(auditListSchema, { description: 'A page of the trail, newest first; page.next continues it.' })
  @Get()
  @Allow('admin')
  page(@Query() query: AuditPageQuery): Promise<ListPage<AuditEntry>> {
    return this.audit.page({
      limit: query.limit,
      after: query.after,
      actor: query.actor,
      service: query.service,
      from: query.from === undefined ? undefined : new Date(query.from),
      to: query.to === undefined ? undefined : new Date(query.to),
    });
  }
}
