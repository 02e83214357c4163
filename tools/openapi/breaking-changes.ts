/**
 * What a client generated from the released OpenAPI document would trip over in a newer one: an
 * operation gone, a request that now needs more, an answer that gives less or another type. Adding
 * operations, optional inputs and answer fields is compatible; so is widening what is accepted.
 */
type Json = Record<string, unknown>;
type Document = { paths?: Record<string, Record<string, Json>>; components?: { schemas?: Record<string, Json> } };

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options', 'trace'];
const REF = '#/components/schemas/';

const asJson = (value: unknown): Json => (typeof value === 'object' && value !== null ? (value as Json) : {});
const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
const strings = (value: unknown): string[] => list(value).filter((item): item is string => typeof item === 'string');

const resolve = (document: Document, schema: Json): Json => {
  const ref = schema['$ref'];
  return typeof ref === 'string' && ref.startsWith(REF) ? asJson(document.components?.schemas?.[ref.slice(REF.length)]) : schema;
};

const typesOf = (schema: Json): string[] => {
  const type = schema['type'];
  return typeof type === 'string' ? [type] : strings(type);
};

/** The two documents compared, and the schema pairs compared already (schemas may refer to themselves). */
interface Comparison {
  readonly before: Document;
  readonly after: Document;
  readonly seen: Set<string>;
}

const shapeProblems = (a: Json, b: Json, at: string): string[] => {
  const problems: string[] = [];
  const [typesA, typesB] = [typesOf(a), typesOf(b)];
  if (typesA.length > 0 && typesB.some((type) => !typesA.includes(type))) problems.push(`${at}: type ${typesA.join('|')} became ${typesB.join('|')}`);
  const enumA = list(a['enum']);
  if (enumA.length > 0 && list(b['enum']).some((value) => !enumA.includes(value))) problems.push(`${at}: answers values its enum did not list`);
  const requiredB = strings(b['required']);
  for (const field of strings(a['required'])) if (!requiredB.includes(field)) problems.push(`${at}.${field}: no longer always answered`);
  return problems;
};

/** The shapes an answer may take: each member of a union (anyOf, oneOf), or the schema itself. */
const alternativesOf = (document: Document, schema: Json): Json[] => {
  const resolved = resolve(document, schema);
  const members = [...list(resolved['anyOf']), ...list(resolved['oneOf'])].map(asJson);
  return members.length > 0 ? members.flatMap((member) => alternativesOf(document, member)) : [resolved];
};

/** allOf's members are one object: their properties and required fields together. */
const merged = (document: Document, schema: Json): Json => {
  const members = list(schema['allOf']).map((member) => merged(document, resolve(document, asJson(member))));
  if (members.length === 0) return schema;
  return {
    ...schema,
    properties: Object.assign({}, ...members.map((member) => asJson(member['properties'])), asJson(schema['properties'])),
    required: [...new Set([...members.flatMap((member) => strings(member['required'])), ...strings(schema['required'])])],
  };
};

/**
 * An answer schema of `after` must promise at least what `before` promised. With unions, whatever
 * shape may be answered now must keep the promise of one shape answered before; a shape that keeps
 * none is reported against the old shape it is closest to.
 */
const answerProblems = (comparison: Comparison, [was, now]: [Json, Json], at: string): string[] => {
  const key = `${JSON.stringify(was)}→${JSON.stringify(now)}`;
  if (comparison.seen.has(key)) return [];
  comparison.seen.add(key);
  const [before, after] = [alternativesOf(comparison.before, was), alternativesOf(comparison.after, now)];
  if (before.length === 1 && after.length === 1) return shapeChanges(comparison, [before[0]!, after[0]!], at);
  return after.flatMap((shape, index) => {
    const against = before.map((old) => shapeChanges(comparison, [old, shape], after.length > 1 ? `${at}(${index + 1} of ${after.length})` : at));
    return against.some((problems) => problems.length === 0) ? [] : against.reduce((fewest, problems) => (problems.length < fewest.length ? problems : fewest));
  });
};

const shapeChanges = (comparison: Comparison, [was, now]: [Json, Json], at: string): string[] => {
  const [a, b] = [merged(comparison.before, was), merged(comparison.after, now)];
  const [propsA, propsB] = [asJson(a['properties']), asJson(b['properties'])];
  const fields = Object.entries(propsA).flatMap(([field, schema]) =>
    propsB[field] === undefined ? [`${at}.${field}: removed from the answer`] : answerProblems(comparison, [asJson(schema), asJson(propsB[field])], `${at}.${field}`),
  );
  const items = a['items'] !== undefined && b['items'] !== undefined ? answerProblems(comparison, [asJson(a['items']), asJson(b['items'])], `${at}[]`) : [];
  return [...shapeProblems(a, b, at), ...fields, ...items];
};

const requiredParameters = (operation: Json): string[] =>
  list(operation['parameters'])
    .map(asJson)
    .filter((parameter) => parameter['required'] === true)
    .map((parameter) => `${String(parameter['in'])} ${String(parameter['name']).toLowerCase()}`);

const bodyOf = (document: Document, operation: Json): Json =>
  resolve(document, asJson(asJson(asJson(asJson(operation['requestBody'])['content'])['application/json'])['schema']));

const requestProblems = (comparison: Comparison, [was, now]: [Json, Json], at: string): string[] => {
  const before = requiredParameters(was);
  const parameters = requiredParameters(now).filter((parameter) => !before.includes(parameter)).map((parameter) => `${at}: now requires the ${parameter} parameter`);
  const requiredA = strings(bodyOf(comparison.before, was)['required']);
  const fields = strings(bodyOf(comparison.after, now)['required']).filter((field) => !requiredA.includes(field)).map((field) => `${at}: the body now requires ${field}`);
  return [...parameters, ...fields];
};

const successOf = (operation: Json): [string, Json] | undefined => {
  const entry = Object.entries(asJson(operation['responses'])).find(([status]) => /^2\d\d$/.test(status));
  return entry === undefined ? undefined : [entry[0], asJson(entry[1])];
};

const answerSchemaOf = (response: Json): Json | undefined => {
  const media = Object.values(asJson(response['content']))[0];
  return media === undefined ? undefined : asJson(asJson(media)['schema']);
};

const successProblems = (comparison: Comparison, [was, now]: [Json, Json], at: string): string[] => {
  const [successA, successB] = [successOf(was), successOf(now)];
  if (successA === undefined) return [];
  if (successB === undefined || successB[0] !== successA[0]) return [`${at}: answers ${successB?.[0] ?? 'no success'} instead of ${successA[0]}`];
  const [schemaA, schemaB] = [answerSchemaOf(successA[1]), answerSchemaOf(successB[1])];
  if (schemaA === undefined) return [];
  if (schemaB === undefined) return [`${at}: its answer no longer has a schema`];
  return answerProblems(comparison, [schemaA, schemaB], `${at} answer`);
};

/** Each incompatibility of `after` with `before`, in words; none means clients of `before` keep working. */
export const breakingChanges = (before: Document, after: Document): string[] =>
  Object.entries(before.paths ?? {}).flatMap(([path, item]) =>
    METHODS.filter((method) => item[method] !== undefined).flatMap((method) => {
      const at = `${method.toUpperCase()} ${path}`;
      const now = after.paths?.[path]?.[method];
      if (now === undefined) return [`${at}: removed`];
      const pair: [Json, Json] = [asJson(item[method]), asJson(now)];
      const comparison = { before, after, seen: new Set<string>() };
      return [...requestProblems(comparison, pair, at), ...successProblems(comparison, pair, at)];
    }),
  );
