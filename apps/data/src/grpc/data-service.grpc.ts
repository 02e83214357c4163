import { Injectable, type OnModuleInit } from '@nestjs/common';
import { loadProtos, toTimestamp, type dataV1 } from '@collab/contracts';
import { readCubeQuery } from '@collab/data-domain';
import { ValidationFailed } from '@collab/domain-kernel';
import { GrpcServices, defined, isUuid, unary, type Principal } from '@collab/service-kit';
import { cubeQuerySchema } from '../cube/cube.request';
import { DataCube } from '../cube/data-cube';
import { CustomerProfiles } from '../customer-360/customer-profiles';
import { DependencyMap } from '../dependency-map/dependency-map';
import { instantOf, text, validated, wrapped } from './grpc-request';
import type { CubeRow, CubeSlice } from '../cube/cube.answers';
import type { DependencyMapView } from '../dependency-map/dependency-map.answers';
import type { CustomerProfile } from '../customer-360/customer-profile.answers';

const timestamp = (instant: string | null) => (instant === null ? null : toTimestamp(instant));
const orEmpty = (value: string | null | undefined): string => value ?? '';

/** REST's comma-separated list from a repeated field; an item holding a comma would split, so it is refused by field. */
const listOf = (field: string, items: readonly string[]): string | undefined => {
  if (items.some((item) => item.includes(','))) throw new ValidationFailed([{ field, message: 'one item per entry: an item holds no comma' }]);
  return items.length === 0 ? undefined : items.join(',');
};

/** A REST row (dimension and measure values side by side) as the proto's two maps; unknowns and nones are left out. */
const rowOf = (slice: CubeSlice, row: CubeRow): dataV1.CubeRow => ({
  dimensions: Object.fromEntries(slice.dimensions.flatMap((name) => (typeof row[name] === 'string' ? [[name, row[name]]] : []))),
  measures: Object.fromEntries(slice.measures.flatMap((name) => (typeof row[name] === 'number' ? [[name, row[name]]] : []))),
});

const sliceOf = (slice: CubeSlice): dataV1.CubeSlice => ({
  from: toTimestamp(slice.from), to: toTimestamp(slice.to), measures: [...slice.measures], dimensions: [...slice.dimensions],
  filters: Object.fromEntries(Object.entries(slice.filters).map(([name, values]) => [name, { values: [...values] }])),
  rows: slice.rows.map((row) => rowOf(slice, row)), totals: rowOf(slice, slice.totals), drillDown: { ...slice.drillDown }, rollUp: { ...slice.rollUp },
});

const caseOf = (found: CustomerProfile['cases'][number]): dataV1.ProfileCase => ({
  caseId: found.caseId, caseNumber: orEmpty(found.caseNumber), status: found.status, statusAt: timestamp(found.statusAt), openedAt: timestamp(found.openedAt),
  channel: orEmpty(found.channel), category: orEmpty(found.category), requestType: orEmpty(found.requestType), priority: orEmpty(found.priority),
  region: orEmpty(found.region), subject: orEmpty(found.subject),
  promise: { firstResponseBy: timestamp(found.promise.firstResponseBy), resolutionBy: timestamp(found.promise.resolutionBy) },
  csat: wrapped(found.csat),
  // fromUnit stays for callers of the field before `from` (deprecated in the proto): the same id.
  legs: found.legs.map((leg) => ({ ...leg, fromUnit: leg.from.id, requestedAt: timestamp(leg.requestedAt), endedAt: timestamp(leg.endedAt), turnaroundBusinessMinutes: wrapped(leg.turnaroundBusinessMinutes) })),
});

const profileOf = (profile: CustomerProfile): dataV1.CustomerProfile => ({
  customerId: profile.customerId,
  contacts: profile.contacts.map((contact) => ({
    at: toTimestamp(contact.at), channel: orEmpty(contact.channel), channelKind: orEmpty(contact.channelKind), caseId: orEmpty(contact.caseId), subject: orEmpty(contact.subject),
  })),
  cases: profile.cases.map(caseOf),
  csat: { count: profile.csat.count, average: wrapped(profile.csat.average) },
  tags: [...profile.tags],
  knowledgeArticles: profile.knowledgeArticles.map((article) => ({ ...article, caseIds: article.caseIds.map(orEmpty) })),
  timeline: profile.timeline.map((entry) => ({ ...entry, at: toTimestamp(entry.at), caseId: orEmpty(entry.caseId) })),
});

const mapOf = (map: DependencyMapView): dataV1.DependencyMap => ({
  from: timestamp(map.from), to: timestamp(map.to), nodes: map.nodes.map((node) => ({ ...node })),
  edges: map.edges.map((edge) => ({ ...edge, medianTurnaroundBusinessMinutes: wrapped(edge.medianTurnaroundBusinessMinutes) })),
  bottlenecks: map.bottlenecks.map((bottleneck) => ({ ...bottleneck, reasons: [...bottleneck.reasons] })),
});

/**
 * `collab.data.v1.DataService`: REST's answers (/api/v1/data, /api/v1/customers/{id}/profile) over
 * gRPC, through the same query services and access rules (the cube and the map for staff; a
 * profile for its customer, staff, or a partner on the cases it has tasks on).
 */
@Injectable()
export class DataServiceGrpc implements OnModuleInit {
  constructor(
    private readonly grpc: GrpcServices,
    private readonly cube: DataCube,
    private readonly profiles: CustomerProfiles,
    private readonly map: DependencyMap,
  ) {}

  onModuleInit(): void {
    const { data } = loadProtos();
    this.grpc.add(data.DataService.service, {
      GetCube: unary(async (request) => ({ slice: await this.slice(request) })),
      GetCustomerProfile: unary(async (request, { principal }) => ({
        profile: profileOf(await this.profiles.profile(await this.customerIdOf(request.customerId, principal), principal)),
      })),
      GetDependencies: unary(async (request) => {
        const [from, to] = [instantOf(request.from), instantOf(request.to)];
        return { map: mapOf(await this.map.draw({ from: from === undefined ? undefined : new Date(from), to: to === undefined ? undefined : new Date(to) })) };
      }),
    }, { GetCube: ['staff'], GetCustomerProfile: ['requester'], GetDependencies: ['staff'] });
  }

  private async slice(request: dataV1.GetCubeRequest__Output): Promise<dataV1.CubeSlice> {
    const shape = {
      measures: listOf('measures', request.measures), dimensions: listOf('dimensions', request.dimensions), filters: listOf('filters', request.filters),
      from: text(request.from), to: text(request.to),
    };
    const read = readCubeQuery(defined(validated(cubeQuerySchema, shape)));
    if ('problems' in read) throw new ValidationFailed(read.problems);
    return sliceOf(await this.cube.slice(read.query));
  }

  private customerIdOf(id: string, principal: Principal): Promise<string> {
    if (id === 'me') return this.profiles.customerOfCaller(principal);
    if (!isUuid(id)) throw new ValidationFailed([{ field: 'customer_id', message: 'must be a customer id (UUID) or me' }]);
    return Promise.resolve(id);
  }
}
