import { Inject, Injectable } from '@nestjs/common';
import { NotFound } from '@collab/domain-kernel';
import {
  articleStreamId,
  everPublished,
  inEffect,
  versionDiff,
  versionsOf,
  visibleTo,
  type ArticleEvent,
  type KnownArticle,
  type Reader,
  type VersionDiff,
  type VersionRecord,
} from '@collab/knowledge-domain';
import { CLOCK, type Clock, type Principal } from '@collab/service-kit';
import { seesDrafts } from '../knowledge-roles';
import { ArticleCommands } from './article-commands';
import { editorViewOf, publishedViewOf, type EditorArticleView, type PublishedArticleView, type VersionView } from './article-views';

const readerOf = (principal: Principal): Reader => ({ audience: principal.audience, ...(principal.partner ? { partner: principal.partner } : {}) });

const versionView = ({ content, ...record }: VersionRecord): VersionView => ({ ...record, ...content });

/**
 * Reads an article from its stream, so an editor sees a change at once. What a caller may not see
 * is answered exactly like what does not exist (404): a customer learns nothing of an internal article.
 */
@Injectable()
export class ArticleReader {
  constructor(private readonly commands: ArticleCommands, @Inject(CLOCK) private readonly clock: Clock) {}

  async article(articleId: string, principal: Principal): Promise<PublishedArticleView | EditorArticleView> {
    const state = await this.commands.load(articleId).catch((error: unknown) => {
      if (error instanceof NotFound) return undefined;
      throw error;
    });
    const reader = readerOf(principal);
    if (state && seesDrafts(principal.roles)) {
      const view = editorViewOf(state);
      if (visibleTo(reader, view.pending ?? view.live ?? { audiences: [] })) return view;
    }
    return this.visiblePublished(articleId, state, reader);
  }

  /** The published version only, whatever the caller's roles: what gRPC's GetArticle answers. */
  async published(articleId: string, principal: Principal): Promise<PublishedArticleView> {
    const state = await this.commands.load(articleId).catch((error: unknown) => {
      if (error instanceof NotFound) return undefined;
      throw error;
    });
    return this.visiblePublished(articleId, state, readerOf(principal));
  }

  private visiblePublished(articleId: string, state: KnownArticle | undefined, reader: Reader): PublishedArticleView {
    const published = state && publishedViewOf(state);
    if (published && visibleTo(reader, published) && inEffect(published, this.clock.now())) return published;
    throw new NotFound('article', articleId);
  }

  async versions(articleId: string, principal: Principal): Promise<VersionView[]> {
    await this.article(articleId, principal);
    const records = versionsOf((await this.commands.articles.recorded(articleStreamId(articleId))).map((event) => ({ type: event.type, data: event.data }) as ArticleEvent));
    const reader = readerOf(principal);
    const editor = seesDrafts(principal.roles);
    return records.filter((record) => (editor || everPublished(record)) && visibleTo(reader, record.content)).map(versionView);
  }

  async version(articleId: string, version: number, principal: Principal): Promise<VersionView> {
    const found = (await this.versions(articleId, principal)).find((record) => record.version === version);
    if (!found) throw new NotFound('article version', `${articleId}/${version}`);
    return found;
  }

  async diff(articleId: string, from: number, to: number, principal: Principal): Promise<VersionDiff> {
    const versions = await this.versions(articleId, principal);
    const pick = (version: number) => {
      const found = versions.find((record) => record.version === version);
      if (!found) throw new NotFound('article version', `${articleId}/${version}`);
      const { version: _v, basedOn: _b, author: _a, writtenAt: _w, stage: _s, publishedAt: _p, approvedBy: _ap, ...content } = found;
      return { version, content };
    };
    return versionDiff(pick(from), pick(to));
  }
}
