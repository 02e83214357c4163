import type { OpenAPIObject } from '@nestjs/swagger';
import { z } from 'zod';
import { ANSWER_SCHEMAS } from './answer-schemas';

type Json = Record<string, unknown>;

const PREFIX = '#/components/schemas/';

const refsIn = (value: unknown, found: Set<string>): Set<string> => {
  if (Array.isArray(value)) for (const item of value) refsIn(item, found);
  else if (typeof value === 'object' && value !== null)
    for (const [key, inner] of Object.entries(value)) {
      if (key === '$ref' && typeof inner === 'string' && inner.startsWith(PREFIX)) found.add(inner.slice(PREFIX.length));
      else refsIn(inner, found);
    }
  return found;
};

/** As a component: without the standalone document's `$schema`/`$id`, and a date-time without zod's long pattern. */
const asComponent = (schema: Json): Json => {
  const { $schema: _schema, $id: _id, ...rest } = schema;
  return rest;
};

const allAnswerSchemas = (): Record<string, Json> =>
  z.toJSONSchema(ANSWER_SCHEMAS, { uri: (id) => `${PREFIX}${id}`, io: 'output', target: 'draft-2020-12', unrepresentable: 'throw' }).schemas;

/**
 * Adds to `components.schemas` the answer schemas the document refers to (`@Answers`), and those
 * they refer to, so a service's document holds its own answers and no other service's.
 */
export const withAnswerComponents = (document: OpenAPIObject): OpenAPIObject => {
  const available = allAnswerSchemas();
  const components = (document.components ??= {});
  const schemas = (components.schemas ??= {}) as Record<string, Json>;
  const pending = [...refsIn(document.paths, new Set())];
  for (let id = pending.pop(); id !== undefined; id = pending.pop()) {
    const answer = available[id];
    if (schemas[id] !== undefined || answer === undefined) continue;
    schemas[id] = asComponent(answer);
    pending.push(...refsIn(answer, new Set()));
  }
  components.schemas = Object.fromEntries(Object.entries(schemas).sort(([a], [b]) => a.localeCompare(b)));
  return document;
};
