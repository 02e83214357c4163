import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { Answers, Roles, ValidationFailed, cursorOf, keyAfter, type ListPage } from '@collab/service-kit';
import { reviewQueueSchema, type ReviewQueueEntry } from '../knowledge.answers';
import { EDITOR, REVIEWER } from '../knowledge-roles';
import { ReviewQueueQuery } from './review-queue.request';

interface Row {
  article_id: string; version: number; reason: ReviewQueueEntry['reason']; title: string; language: string; node_id: string;
  due_at: Date | string; total: string | number;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The queue's order is (due, article); a cursor holds the last shown entry's pair. */
const keyOf = (entry: ReviewQueueEntry): string => `${entry.dueAt}|${entry.id}`;
const pairAfter = (after: string | undefined): [string, string] | undefined => {
  const key = keyAfter(after);
  if (key === undefined) return undefined;
  const [dueAt, id] = key.split('|');
  if (dueAt === undefined || id === undefined || Number.isNaN(Date.parse(dueAt)) || !UUID.test(id)) throw new ValidationFailed([{ field: 'after', message: 'must be a cursor from an earlier page' }]);
  return [dueAt, id];
};

/** Articles waiting for an editor: due for review or expired, longest waiting first. */
@ApiTags('knowledge')
@ApiBearerAuth()
@Controller('api/v1/knowledge/review-queue')
export class ReviewQueueHttp {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Editors see the whole queue, so the total counts every entry. */
  @Answers(reviewQueueSchema, { description: 'A page of the queue, longest waiting first.' })
  @Get()
  @Roles(EDITOR, REVIEWER)
  async queue(@Query() query: ReviewQueueQuery): Promise<ListPage<ReviewQueueEntry>> {
    const after = pairAfter(query.after);
    const rows = await this.dataSource.query<Row[]>(
      `select article_id, version, reason, title, language, node_id, due_at, (select count(*) from knowledge.review_queue) as total
         from knowledge.review_queue where $2::timestamptz is null or (due_at, article_id) > ($2::timestamptz, $3::uuid)
        order by due_at, article_id limit $1`,
      [query.limit + 1, after?.[0] ?? null, after?.[1] ?? null],
    );
    const items = rows.slice(0, query.limit).map((row) => ({
      id: row.article_id, version: row.version, reason: row.reason, title: row.title, language: row.language, nodeId: row.node_id,
      dueAt: new Date(row.due_at).toISOString(),
    }));
    const total = rows[0] ? Number(rows[0].total) : Number((await this.dataSource.query<{ n: string }[]>(`select count(*) as n from knowledge.review_queue`))[0]?.n ?? 0);
    const last = items.at(-1);
    return { items, page: { limit: query.limit, next: rows.length > query.limit && last ? cursorOf(keyOf(last)) : null, total } };
  }
}
