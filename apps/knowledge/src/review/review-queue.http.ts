import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { Answers, Roles } from '@collab/service-kit';
import { reviewQueueSchema } from '../knowledge.answers';
import { EDITOR, REVIEWER } from '../knowledge-roles';
import { ReviewQueueQuery } from './review-queue.request';

export interface ReviewQueueEntry {
  readonly id: string;
  readonly version: number;
  /** REVIEW_DUE: its review interval has passed since publication; EXPIRED: its expiry date came. */
  readonly reason: 'REVIEW_DUE' | 'EXPIRED';
  readonly title: string;
  readonly language: string;
  readonly nodeId: string;
  readonly dueAt: string;
}

export interface ReviewQueue {
  readonly total: number;
  readonly page: number;
  readonly pageSize: number;
  readonly items: ReviewQueueEntry[];
}

interface Row {
  article_id: string; version: number; reason: ReviewQueueEntry['reason']; title: string; language: string; node_id: string;
  due_at: Date | string; total: string | number;
}

/** Articles waiting for an editor: due for review or expired, longest waiting first. */
@ApiTags('knowledge')
@ApiBearerAuth()
@Controller('api/v1/knowledge/review-queue')
export class ReviewQueueHttp {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  @Answers(reviewQueueSchema, { description: 'A page of the queue, longest waiting first.' })
  @Get()
  @Roles(EDITOR, REVIEWER)
  async queue(@Query() query: ReviewQueueQuery): Promise<ReviewQueue> {
    const { page, pageSize } = query;
    const rows = await this.dataSource.query<Row[]>(
      `select article_id, version, reason, title, language, node_id, due_at, count(*) over () as total
         from knowledge.review_queue order by due_at, article_id limit $1 offset $2`,
      [pageSize, (page - 1) * pageSize],
    );
    const total = rows[0] ? Number(rows[0].total) : Number((await this.dataSource.query<{ n: string }[]>(`select count(*) as n from knowledge.review_queue`))[0]?.n ?? 0);
    return {
      total, page, pageSize,
      items: rows.map((row) => ({
        id: row.article_id, version: row.version, reason: row.reason, title: row.title, language: row.language, nodeId: row.node_id,
        dueAt: new Date(row.due_at).toISOString(),
      })),
    };
  }
}
