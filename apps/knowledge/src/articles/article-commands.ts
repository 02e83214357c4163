import { Inject, Injectable } from '@nestjs/common';
import { NotFound, ValidationFailed, type DecisionContext } from '@collab/domain-kernel';
import type { EventStore } from '@collab/event-store';
import {
  articleDecider,
  articleStreamId,
  type ArticleCommand,
  type ArticleContent,
  type ArticleEvent,
  type ArticleState,
  type KnownArticle,
} from '@collab/knowledge-domain';
import { CLOCK, CommandHandler, EVENT_STORE, type Clock, type CommandOrigin } from '@collab/service-kit';
import { ArticlePoints } from '../search/article-points';
import { KnowledgeMap } from '../knowledge-map/knowledge-map';
import { editorViewOf, type EditorArticleView } from './article-views';

export type ArticleHandler = CommandHandler<ArticleCommand, ArticleEvent, ArticleState, DecisionContext>;

/** A new article, before the application has looked up its node and knowledge point. */
export interface NewArticle {
  readonly articleId: string;
  readonly content: ArticleContent;
  readonly translationOf?: string;
  readonly author: string;
}

/** Runs editors' and reviewers' commands on one article stream; the decider re-checks everything on the fresh state. */
@Injectable()
export class ArticleCommands {
  readonly articles: ArticleHandler;

  constructor(
    @Inject(EVENT_STORE) store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly map: KnowledgeMap,
    private readonly points: ArticlePoints,
  ) {
    this.articles = new CommandHandler(store, articleDecider, { streamOf: (command: ArticleCommand) => articleStreamId(command.articleId), retriesOnConflict: 2 });
  }

  async load(articleId: string): Promise<KnownArticle> {
    const { state } = await this.articles.load(articleStreamId(articleId));
    if (state.status === 'none') throw new NotFound('article', articleId);
    return state;
  }

  async draft(article: NewArticle, origin: CommandOrigin): Promise<EditorArticleView> {
    const point = article.translationOf === undefined ? { knowledgePointId: article.articleId, pointLanguages: [] } : await this.pointOf(article.translationOf);
    return this.run(
      { type: 'DraftArticle', articleId: article.articleId, ...point, content: article.content, author: article.author, nodeStanding: await this.map.standing(article.content.nodeId) },
      origin,
    );
  }

  async edit(articleId: string, content: ArticleContent, origin: CommandOrigin): Promise<EditorArticleView> {
    await this.load(articleId);
    return this.run({ type: 'EditArticle', articleId, content, author: origin.actor.id, nodeStanding: await this.map.standing(content.nodeId) }, origin);
  }

  /** Any command but a draft: the article must exist (404), then the decider judges the transition. */
  async execute(command: Exclude<ArticleCommand, { type: 'DraftArticle' | 'EditArticle' }>, origin: CommandOrigin): Promise<EditorArticleView> {
    await this.load(command.articleId);
    return this.run(command, origin);
  }

  private async run(command: ArticleCommand, origin: CommandOrigin): Promise<EditorArticleView> {
    const handled = await this.articles.handle(command, { now: this.clock.now() }, { origin });
    const after = handled.events.reduce(articleDecider.evolve, handled.state);
    if (after.status === 'none') throw new Error(`article ${command.articleId} does not exist after ${command.type}`);
    return editorViewOf(after);
  }

  /** The translated article's knowledge point, and the languages it already has (its own included, even as a draft). */
  private async pointOf(translationOf: string): Promise<{ knowledgePointId: string; pointLanguages: string[] }> {
    const { state } = await this.articles.load(articleStreamId(translationOf));
    if (state.status === 'none') throw new ValidationFailed([{ field: 'translationOf', message: `article ${translationOf} does not exist` }]);
    const own = 'live' in state && state.live ? state.live.content.language : state.status !== 'archived' && state.pending ? state.pending.content.language : undefined;
    const others = await this.points.languagesOf(state.knowledgePointId);
    return { knowledgePointId: state.knowledgePointId, pointLanguages: [...new Set([...(own ? [own] : []), ...others])] };
  }
}
