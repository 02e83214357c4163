import { z } from 'zod';

/**
 * The named schemas of what the REST API answers. Each becomes `#/components/schemas/<id>` in the
 * OpenAPI document, so generated clients get one type per answer; a schema nested in another is
 * referenced, not repeated, when it is named too.
 */
export const ANSWER_SCHEMAS = z.registry<{ id: string }>();

const byId = new Map<string, z.ZodType>();

/** Names an answer schema (unique across the platform) and returns it, for `@Answers` and `z.infer`. */
export const answerSchema = <S extends z.ZodType>(id: string, schema: S): S => {
  const existing = byId.get(id);
  if (existing !== undefined && existing !== schema) throw new Error(`answer schema ${id} is named twice`);
  byId.set(id, schema);
  ANSWER_SCHEMAS.add(schema, { id });
  return schema;
};

export const answerSchemaIdOf = (schema: z.ZodType): string | undefined => ANSWER_SCHEMAS.get(schema)?.id;

/** An instant as answers carry it: ISO 8601 in UTC (`Date#toISOString`). */
export const instant = z.string().meta({ format: 'date-time', examples: ['2026-11-23T02:00:00.000Z'] });

/** An RFC 9457 problem's invalid field (DESIGN.md §5). */
export const fieldErrorSchema = answerSchema('FieldError', z.object({ field: z.string(), message: z.string() }));

/** RFC 9457 problem details, as every error leaves (ProblemDetailsFilter); extensions such as `retryAfterSeconds` may follow. */
export const problemDetailsSchema = answerSchema(
  'ProblemDetails',
  z.looseObject({
    type: z.string().meta({ format: 'uri', description: 'https://collab.dev/problems/<slug>, e.g. validation-failed, not-found, illegal-transition.' }),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    instance: z.string().optional(),
    errors: z.array(fieldErrorSchema).optional(),
  }),
);
