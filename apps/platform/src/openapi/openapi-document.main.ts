/**
 * Writes the platform's OpenAPI 3.1 document (all five services' REST surface, as the embedded
 * platform serves it at /api/docs/openapi.json) to docs/openapi/platform.openapi.json, for the
 * channels' developers and for generated clients. A spec fails when the served document and this
 * copy differ: run `npm run openapi:generate` after changing a route, a body or an answer.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createServiceApp, loadPlatformConfig, openApiDocumentOf } from '@collab/service-kit';
import { PLATFORM_MODULES } from '../platform.modules';

export const OPENAPI_DOCUMENT = path.join(__dirname, '..', '..', '..', '..', 'docs', 'openapi', 'platform.openapi.json');

/** The document as it is kept: two-space JSON and a final newline, so diffs are line by line. */
export const keptForm = (document: unknown): string => `${JSON.stringify(document, null, 2)}\n`;

const main = async (): Promise<void> => {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'collab-openapi-'));
  const config = loadPlatformConfig({ SERVICE: 'platform', DATA_DIR: dataDir, LOG_LEVEL: 'warn', HTTP_PORT: '0', GRPC_PORT: '0' });
  const app = await createServiceApp(config, PLATFORM_MODULES);
  try {
    await app.init();
    await writeFile(OPENAPI_DOCUMENT, keptForm(openApiDocumentOf(app, 'platform')));
    console.log(`wrote ${path.relative(process.cwd(), OPENAPI_DOCUMENT)}`);
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
