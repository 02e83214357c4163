/** Thrown for a schema name that could not be used safely inside SQL text. */
export class InvalidSchemaName extends Error {
  override readonly name = 'InvalidSchemaName';
  constructor(readonly schema: string) {
    super(`schema name ${JSON.stringify(schema)} must match /^[a-z_][a-z0-9_]{0,62}$/`);
  }
}

const IDENTIFIER = /^[a-z_][a-z0-9_]{0,62}$/;

/**
 * Schema names end up inside SQL text (identifiers cannot be bound as parameters), so only plain
 * lower-case identifiers are accepted: they need no quoting and cannot smuggle SQL in.
 */
export const schemaName = (schema: string): string => {
  if (!IDENTIFIER.test(schema) || schema.startsWith('pg_')) throw new InvalidSchemaName(schema);
  return schema;
};
