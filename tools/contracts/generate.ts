import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { publishedFiles, REPO, SCHEMA_DIR } from './published-files';

/**
 * `npm run contracts:generate`: writes the JSON Schemas (and the documents derived from the
 * contracts) from libs/contracts, and removes schema files no contract defines any more.
 */
const files = publishedFiles();
const stale = (dir: string): string[] =>
  readdirSync(join(REPO, dir), { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? stale(`${dir}/${entry.name}`)
      : files.has(`${dir}/${entry.name}`)
        ? []
        : [`${dir}/${entry.name}`],
  );
for (const path of stale(SCHEMA_DIR)) rmSync(join(REPO, path));
for (const [path, content] of files) {
  mkdirSync(dirname(join(REPO, path)), { recursive: true });
  writeFileSync(join(REPO, path), content);
}
console.log(`wrote ${files.size} files derived from the contracts`);
