import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';

/** Which languages a knowledge point has, from the read model (a moment behind the log). */
@Injectable()
export class ArticlePoints {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async languagesOf(knowledgePointId: string): Promise<string[]> {
    const rows = await this.dataSource.query<{ language: string }[]>(`select language from knowledge.article_point where knowledge_point_id = $1`, [knowledgePointId]);
    return rows.map((row) => row.language);
  }
}
