import type { OpenAPIObject } from '@nestjs/swagger';

type Parameter = { readonly name: string; readonly in: string; readonly required?: boolean; readonly description?: string } & Record<string, unknown>;

const CORRELATION_ID = 'x-correlation-id';
const CORRELATION_ID_DESCRIPTION = "Carried by the events the request causes (CloudEvents `correlationid`); one is made up when absent.";

/** One parameter per header name (names are case-insensitive): the one `@ApiHeader` documented, else the bare one made optional. */
const tidyParameters = (parameters: readonly Parameter[]): Parameter[] => {
  const headers = new Map<string, Parameter>();
  const others: Parameter[] = [];
  for (const parameter of parameters) {
    if (parameter.in !== 'header') {
      others.push(parameter);
      continue;
    }
    const name = parameter.name.toLowerCase();
    const seen = headers.get(name);
    if (seen === undefined || (seen.description === undefined && parameter.description !== undefined)) headers.set(name, parameter);
  }
  const tidied = [...headers.values()].map((parameter) =>
    parameter.description !== undefined
      ? parameter
      : { ...parameter, required: false, ...(parameter.name.toLowerCase() === CORRELATION_ID ? { description: CORRELATION_ID_DESCRIPTION } : {}) },
  );
  return [...others, ...tidied];
};

/**
 * Header parameters as clients may send them. Nest's explorer documents every `@Headers('name')`
 * argument as a required parameter, beside the `@ApiHeader` that documents the same header in its
 * usual spelling, so POST /api/v1/contacts listed Idempotency-Key twice, once required. Every
 * handler treats such a header as optional; `@ApiHeader` says so where it matters.
 */
export const tidyHeaderParameters = (document: OpenAPIObject): OpenAPIObject => {
  for (const path of Object.values(document.paths))
    for (const operation of Object.values(path as Record<string, { parameters?: Parameter[] }>))
      if (typeof operation === 'object' && Array.isArray(operation.parameters)) operation.parameters = tidyParameters(operation.parameters);
  return document;
};
