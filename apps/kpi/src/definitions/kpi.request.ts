import { z } from 'zod';
import { createZodDto } from 'nestjs-zod';
import { FACT_KINDS, GRANULARITIES, MAX_FOLLOW_UP_MINUTES, SCOPE_DIMENSIONS, STATISTICS } from '@collab/kpi-domain';

/** Shapes and outer bounds; the decider checks every rule between fields and names each failing one. */
const name = z.string().min(1).max(200);
const filter = z.strictObject({ field: z.string().regex(/^[a-zA-Z][a-zA-Z0-9]{0,40}$/, { message: 'must be a dimension or attribute name' }), in: z.array(z.string().max(200)).min(1).max(50) });
const selector = z.strictObject({ fact: z.enum(FACT_KINDS), where: z.array(filter).max(10).optional() });

const measure = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('count'),
    of: selector,
    /** Count only the facts the same customer did not follow up within the window (knowledge deflection: no case within 72 h). */
    unlessFollowedBy: z.strictObject({ of: selector, withinMinutes: z.int().min(1).max(MAX_FOLLOW_UP_MINUTES) }).optional(),
  }),
  z.strictObject({ kind: z.literal('rate'), numerator: selector, denominator: selector }),
  z.strictObject({ kind: z.literal('average'), of: selector, attribute: z.string().regex(/^[a-zA-Z][a-zA-Z0-9]{0,40}$/) }),
  z.strictObject({
    kind: z.literal('duration'), from: selector, to: selector, statistic: z.enum(STATISTICS),
    time: z.enum(['calendar', 'business']), until: z.enum(['first', 'last']).default('first'),
  }),
  z.strictObject({ kind: z.literal('level'), up: selector, down: selector }),
]);

export const specificationFields = {
  names: z.strictObject({ zh: name, en: name }),
  description: z.string().max(2_000).default(''),
  dimensions: z.array(z.enum(SCOPE_DIMENSIONS)).max(SCOPE_DIMENSIONS.length).default([]),
  measure,
  filters: z.array(filter).max(10).default([]),
  unitOfMeasure: z.string().min(1).max(50),
  target: z.number().finite().nullable().default(null),
  warning: z.number().finite().nullable().default(null),
  direction: z.enum(['HIGHER_IS_BETTER', 'LOWER_IS_BETTER']),
  granularities: z.array(z.enum(GRANULARITIES)).min(1).max(4),
};

export const defineKpiSchema = z.strictObject({ id: z.string().max(63), ...specificationFields });
export class DefineKpiRequest extends createZodDto(defineKpiSchema) {}

/** PUT: the new version's whole specification. */
export const reviseKpiSchema = z.strictObject(specificationFields);
export class ReviseKpiRequest extends createZodDto(reviseKpiSchema) {}

export const retireKpiSchema = z.strictObject({ reason: z.string().min(1).max(2_000) });
export class RetireKpiRequest extends createZodDto(retireKpiSchema) {}
