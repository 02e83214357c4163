// Compiles apps/ and libs/ to plain JavaScript in dist/ (same layout, `@collab/*` aliases turned
// into relative paths), so a deployed service starts from JavaScript instead of compiling its
// TypeScript in the process. Running the sources through tools/register.js keeps TypeScript and
// SWC's native compiler loaded for the process's life and every compiled module's code twice (once
// with its inline source map as a base64 comment) — ≈ 100 MB of a service's resident memory
// (docs/benchmarks.md, "Service memory"). The transform is the register's own, read from the same
// tsconfig, so what runs in production is what runs in development and in the tests.
// Source maps go beside each file without the sources' text; `node --enable-source-maps` reads
// them on demand (at a memory cost; measured in the same section).
//   node -r ./tools/register.js tools/build.ts [outDir]        (default dist/)
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import { transformSync } from '@swc-node/core';
import { readDefaultTsConfig, tsCompilerOptionsToSwcConfig } from '@swc-node/register/read-default-tsconfig';
import { ModuleKind, type CompilerOptions } from 'typescript';

const ROOT = join(__dirname, '..');
const SOURCE_ROOTS = ['apps', 'libs'];
/** Compiled: every module a process may load. Not compiled: tests and type-only declarations. */
const compiled = (file: string): boolean => file.endsWith('.ts') && !file.endsWith('.spec.ts') && !file.endsWith('.d.ts');

const sourcesUnder = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : sourcesUnder(path);
    return compiled(entry.name) ? [path] : [];
  });

/** The map beside its file, pointing at the TypeScript source, without carrying the source's text. */
const externalMap = (map: string, source: string, target: string): string => {
  const parsed = JSON.parse(map) as { sources: string[]; sourcesContent?: string[]; file?: string };
  delete parsed.sourcesContent;
  parsed.sources = [relative(dirname(target), source)];
  parsed.file = basename(target);
  return JSON.stringify(parsed);
};

export const buildServices = (outDir: string): { files: number; ms: number } => {
  const started = Date.now();
  // CommonJS, as the register compiles (it sets the module kind itself, whatever tsconfig says).
  const options: CompilerOptions = { ...(readDefaultTsConfig(join(ROOT, 'tsconfig.base.json')) as CompilerOptions), module: ModuleKind.CommonJS };
  rmSync(outDir, { recursive: true, force: true });
  const sources = SOURCE_ROOTS.flatMap((root) => sourcesUnder(join(ROOT, root)));
  for (const source of sources) {
    const target = join(outDir, relative(ROOT, source)).replace(/\.ts$/, '.js');
    const { code, map } = transformSync(readFileSync(source, 'utf8'), source, { ...tsCompilerOptionsToSwcConfig(options, source), sourcemap: true });
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, `${code}\n//# sourceMappingURL=${basename(target)}.map\n`);
    if (map) writeFileSync(`${target}.map`, externalMap(map, source, target));
  }
  return { files: sources.length, ms: Date.now() - started };
};

if (require.main === module) {
  const outDir = join(process.cwd(), process.argv[2] ?? join(relative(process.cwd(), ROOT), 'dist'));
  const { files, ms } = buildServices(outDir);
  process.stdout.write(`built ${files} modules into ${relative(process.cwd(), outDir) || '.'} in ${(ms / 1000).toFixed(1)} s\n`);
}
