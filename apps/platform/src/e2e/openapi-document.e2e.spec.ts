import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { EmbeddedPlatform } from './embedded-platform';

/** The copy kept in the repo for the channels' developers (`npm run openapi:generate` writes it). */
const KEPT = path.join(__dirname, '..', '..', '..', '..', 'docs', 'openapi', 'platform.openapi.json');

type Parameter = { name: string; in: string; required?: boolean; description?: string };
type Operations = Record<string, Record<string, { parameters?: Parameter[] }>>;

describe('the served OpenAPI document', () => {
  let platform: EmbeddedPlatform;
  let served: { openapi: string; paths: Operations };
  let paths: Operations;

  beforeAll(async () => {
    platform = await EmbeddedPlatform.start();
    const response = await fetch(`${platform.baseUrl}/api/docs/openapi.json`);
    served = (await response.json()) as typeof served;
    paths = served.paths;
  }, 60_000);
  afterAll(() => platform?.stop());

  it('is OpenAPI 3.1 and equals the copy kept in docs/openapi (run `npm run openapi:generate` after changing the REST surface)', async () => {
    const kept = JSON.parse(await readFile(KEPT, 'utf8')) as unknown;
    expect(served.openapi).toBe('3.1.0');
    expect(served).toEqual(kept);
  });

  const headersOf = (path: string, method: string): Parameter[] => (paths[path]?.[method]?.parameters ?? []).filter((parameter) => parameter.in === 'header');

  it('POST /api/v1/contacts lists Idempotency-Key once, optional, and x-correlation-id optional', () => {
    expect(headersOf('/api/v1/contacts', 'post').map(({ name, required }) => ({ name: name.toLowerCase(), required })).sort((a, b) => a.name.localeCompare(b.name))).toEqual([
      { name: 'idempotency-key', required: false },
      { name: 'x-correlation-id', required: false },
    ]);
  });

  it('no operation lists a header twice (names are case-insensitive), and none requires the correlation id', () => {
    const operations = Object.entries(paths).flatMap(([path, methods]) => Object.keys(methods).map((method) => ({ path, method, headers: headersOf(path, method) })));
    expect(operations.length).toBeGreaterThan(50);
    const problems = operations.flatMap(({ path, method, headers }) => {
      const names = headers.map(({ name }) => name.toLowerCase());
      return [
        ...(new Set(names).size === names.length ? [] : [`${method} ${path} lists ${names.join(', ')}`]),
        ...headers.filter(({ name, required }) => name.toLowerCase() === 'x-correlation-id' && required !== false).map(() => `${method} ${path} requires x-correlation-id`),
      ];
    });
    expect(problems).toEqual([]);
  });
});
