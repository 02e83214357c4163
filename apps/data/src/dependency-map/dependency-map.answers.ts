import { z } from 'zod';
import { answerSchema, instant } from '@collab/service-kit';

/** What the service dependency map answers. */

const nodeKind = z.enum(['UNIT', 'PARTNER']);

const dependencyEdge = answerSchema(
  'DependencyEdge',
  z.object({
    from: z.string(),
    to: z.object({ kind: nodeKind, id: z.string() }),
    volume: z.number().int(),
    returned: z.number().int(),
    medianTurnaroundBusinessMinutes: z.number().nullable().meta({ description: 'Median request → completion or return in business minutes; null while none ended.' }),
    pingPongs: z.number().int(),
    returnRate: z.number(),
  }),
);

export const dependencyMapSchema = answerSchema(
  'DependencyMap',
  z.object({
    from: instant.nullable(),
    to: instant.nullable(),
    nodes: z.array(z.object({ id: z.string(), kind: nodeKind })),
    edges: z.array(dependencyEdge),
    bottlenecks: z.array(z.object({ from: z.string(), to: z.string(), reasons: z.array(z.enum(['TURNAROUND', 'RETURNS'])) })),
  }),
);
export type DependencyMapView = z.infer<typeof dependencyMapSchema>;
