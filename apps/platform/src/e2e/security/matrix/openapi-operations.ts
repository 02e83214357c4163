import { readFileSync } from 'node:fs';
import { join } from 'node:path';

interface Parameter {
  readonly name: string;
  readonly in: string;
  readonly required?: boolean;
  readonly schema?: { readonly type?: string; readonly format?: string; readonly enum?: readonly unknown[] };
}

interface OperationObject {
  readonly parameters?: readonly Parameter[];
  readonly requestBody?: unknown;
}

export interface Operation {
  readonly method: string;
  readonly path: string;
  readonly key: string;
  readonly parameters: readonly Parameter[];
  readonly hasBody: boolean;
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;
export const OPENAPI_DOCUMENT = join(__dirname, '..', '..', '..', '..', '..', '..', 'docs', 'openapi', 'platform.openapi.json');

/** Every operation of the committed OpenAPI document: what the platform promises to serve. */
export const openApiOperations = (): Operation[] => {
  const document = JSON.parse(readFileSync(OPENAPI_DOCUMENT, 'utf8')) as { paths: Record<string, Partial<Record<string, OperationObject>>> };
  return Object.entries(document.paths).flatMap(([path, item]) =>
    METHODS.flatMap((method) => {
      const operation = item[method];
      if (!operation) return [];
      return [{ method: method.toUpperCase(), path, key: `${method.toUpperCase()} ${path}`, parameters: operation.parameters ?? [], hasBody: operation.requestBody !== undefined }];
    }),
  );
};

export const MADE_UP_UUID = '00000000-0000-4000-8000-00000000abcd';

/** A value of the parameter's type that names nothing that exists. */
export const madeUpValue = (parameter: Parameter): string => {
  const schema = parameter.schema ?? {};
  if (schema.enum?.length) return String(schema.enum[0]);
  if (schema.format === 'uuid') return MADE_UP_UUID;
  if (schema.format === 'date-time') return '2026-01-05T09:00:00Z';
  if (schema.type === 'integer' || schema.type === 'number') return '1';
  return 'matrix-made-up';
};

/** The operation's URL with made-up path parameters (or those given) and its required query parameters filled in. */
export const urlOf = (operation: Operation, pathValues: Readonly<Record<string, string>> = {}): string => {
  let path = operation.path;
  const query = new URLSearchParams();
  for (const parameter of operation.parameters) {
    if (parameter.in === 'path') path = path.replace(`{${parameter.name}}`, encodeURIComponent(pathValues[parameter.name] ?? madeUpValue(parameter)));
    if (parameter.in === 'query' && parameter.required) query.set(parameter.name, madeUpValue(parameter));
  }
  const search = query.toString();
  return search ? `${path}?${search}` : path;
};
