/**
 * Prints the TypeScript types of the OpenAPI document in the file named by the first argument:
 * the openapi-document spec compares them with the kept ones in a process of their own, since
 * openapi-typescript loads ES modules jest cannot.
 */
import { readFile } from 'node:fs/promises';
import type { OpenAPIObject } from '@nestjs/swagger';
import { typesOf } from './openapi-types';

const main = async (file: string): Promise<void> => {
  process.stdout.write(await typesOf(JSON.parse(await readFile(file, 'utf8')) as OpenAPIObject));
};

main(process.argv[2] ?? '').catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
