import createClient, { type Client, type Middleware } from 'openapi-fetch';
import type { paths } from './generated/platform-api';

/**
 * A REST client generated from the platform's OpenAPI document (docs/openapi/platform.openapi.json,
 * types in ./generated, both written by `npm run openapi:generate`): a test that calls an operation
 * the document lacks, sends a body it does not describe, or reads a field its answer does not
 * declare, does not compile. The served answers themselves are checked against the same schemas at
 * run time (AnswerCheckInterceptor under NODE_ENV=test).
 */
export type PlatformClient = Client<paths>;
export type PlatformPaths = paths;

export interface PlatformClientOptions {
  readonly baseUrl: string;
  /** The bearer token to send; undefined sends none. */
  readonly token?: () => Promise<string | undefined> | string | undefined;
  readonly headers?: Readonly<Record<string, string>>;
}

const bearer = (token: NonNullable<PlatformClientOptions['token']>): Middleware => ({
  async onRequest({ request }) {
    const value = await token();
    if (value !== undefined) request.headers.set('authorization', `Bearer ${value}`);
    return request;
  },
});

export const platformClient = ({ baseUrl, token, headers }: PlatformClientOptions): PlatformClient => {
  const client = createClient<paths>({ baseUrl, ...(headers ? { headers } : {}) });
  if (token) client.use(bearer(token));
  return client;
};
