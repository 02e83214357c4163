/**
 * Writes the platform's OpenAPI 3.1 document (all five services' REST surface, as the embedded
 * platform serves it at /api/docs/openapi.json) to docs/openapi/platform.openapi.json, for the
 * channels' developers and for generated clients. A spec fails when the served document and this
 * copy differ: run `npm run openapi:generate` after changing a route, a body or an answer. It also
 * writes the TypeScript types of the document, from which the e2e tests' REST client is typed.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { OpenAPIObject } from '@nestjs/swagger';
import { createServiceApp, loadPlatformConfig, openApiDocumentOf } from '@collab/service-kit';
import { PLATFORM_MODULES } from '../platform.modules';
import { typesOf } from './openapi-types';

const ROOT = path.join(__dirname, '..', '..', '..', '..');
export const OPENAPI_DOCUMENT = path.join(ROOT, 'docs', 'openapi', 'platform.openapi.json');
/** The types the e2e tests' REST client (@collab/testing platformClient) is generated from. */
export const OPENAPI_TYPES = path.join(ROOT, 'libs', 'testing', 'src', 'rest', 'generated', 'platform-api.d.ts');


/** The document as it is kept: two-space JSON and a final newline, so diffs are line by line. */
export const keptForm = (document: unknown): string => `${JSON.stringify(document, null, 2)}\n`;

const main = async (): Promise<void> => {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'collab-openapi-'));
  const config = loadPlatformConfig({ SERVICE: 'platform', DATA_DIR: dataDir, LOG_LEVEL: 'warn', HTTP_PORT: '0', GRPC_PORT: '0' });
  const app = await createServiceApp(config, PLATFORM_MODULES);
  try {
    await app.init();
    const document = openApiDocumentOf(app, 'platform');
    await writeFile(OPENAPI_DOCUMENT, keptForm(document));
    await writeFile(OPENAPI_TYPES, await typesOf(JSON.parse(keptForm(document)) as OpenAPIObject));
    console.log(`wrote ${path.relative(process.cwd(), OPENAPI_DOCUMENT)} and ${path.relative(process.cwd(), OPENAPI_TYPES)}`);
  } finally {
    await app.close();
    await rm(dataDir, { recursive: true, force: true });
  }
};

if (require.main === module)
  main().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
