import { readFileSync } from 'node:fs';
import type { MethodDefinition } from '@grpc/grpc-js';
import { OPENAPI_DOCUMENT } from '../matrix/openapi-operations';

interface Schema {
  readonly $ref?: string;
  readonly properties?: Record<string, unknown>;
  readonly allOf?: readonly Schema[];
}

interface Document {
  readonly paths: Record<string, Record<string, { requestBody?: { content?: Record<string, { schema?: Schema }> } }>>;
  readonly components?: { readonly schemas?: Record<string, Schema> };
}

const document = JSON.parse(readFileSync(OPENAPI_DOCUMENT, 'utf8')) as Document;

const resolved = (schema: Schema | undefined): Schema | undefined =>
  schema?.$ref ? resolved(document.components?.schemas?.[schema.$ref.replace('#/components/schemas/', '')]) : schema;

/** The top-level fields the operation's JSON body schema names (the fuzzer's hostile values go there). */
export const bodyFieldsOf = (method: string, path: string): string[] => {
  const schema = resolved(document.paths[path]?.[method.toLowerCase()]?.requestBody?.content?.['application/json']?.schema);
  const parts = [schema, ...(schema?.allOf ?? []).map(resolved)];
  return [...new Set(parts.flatMap((part) => Object.keys(part?.properties ?? {})))];
};

interface ProtoField {
  readonly name: string;
  readonly type: string;
  readonly label: string;
}

/** The request message's fields, as proto-loader describes them. */
export const protoFieldsOf = (method: MethodDefinition<unknown, unknown>): ProtoField[] =>
  ((method as unknown as { requestType?: { type?: { field?: ProtoField[] } } }).requestType?.type?.field ?? []);
