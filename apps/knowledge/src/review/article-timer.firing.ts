import { Injectable } from '@nestjs/common';
import { IllegalTransition } from '@collab/domain-kernel';
import { deterministicEventId } from '@collab/event-store';
import type { TimerOutcome } from '@collab/following';
import type { ArticleCommand } from '@collab/knowledge-domain';
import { ArticleCommands } from '../articles/article-commands';
import type { ArticleTimer } from './article-timer.table';

const DISPATCHER = { id: 'knowledge.article-timers', kind: 'system' } as const;

const commandFor = (timer: ArticleTimer): ArticleCommand =>
  timer.kind === 'EXPIRE'
    ? { type: 'ExpireArticle', articleId: timer.articleId }
    : { type: 'RecordReviewDue', articleId: timer.articleId, version: timer.version, dueAt: timer.dueAt };

/**
 * Fires one due timer through the article decider, which records nothing the stream already says
 * (already due for review) and refuses what no longer applies (archived, superseded, already
 * expired): then the timer had nothing to do. The event's id derives from the timer's, so a
 * firing repeated after a crash between recording and marking appends nothing new.
 */
@Injectable()
export class ArticleTimerFiring {
  constructor(private readonly commands: ArticleCommands) {}

  async fire(timer: ArticleTimer, now: Date): Promise<TimerOutcome> {
    try {
      await this.commands.articles.handle(commandFor(timer), { now }, {
        metadata: { correlationId: timer.correlationId, causationId: timer.scheduledBy, actor: DISPATCHER },
        eventIdFor: (_event, index) => deterministicEventId(timer.id, `fire/${index}`),
      });
      return 'fired';
    } catch (error) {
      if (error instanceof IllegalTransition) return 'cancelled';
      throw error;
    }
  }
}
