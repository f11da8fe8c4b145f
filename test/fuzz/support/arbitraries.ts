import fc from 'fast-check';
import { type HttpMethod, type JsonSchema, type Operation, type Parameter, sampleOf } from './openapi';

/** One request as it goes on the wire: path and query already percent-encoded, the body as raw text. */
export interface FuzzRequest {
  readonly method: HttpMethod;
  readonly path: string;
  readonly body?: string;
  readonly contentType?: string;
  readonly headers?: Readonly<Record<string, string>>;
}

/** Real ids of the target state, so that valid path parameters reach the handlers (and their domain rules). */
export interface Targets {
  readonly entidad: string;
  readonly exerciseId: string;
  readonly memberIds: readonly string[];
  readonly sessionIds: readonly string[];
  readonly commitmentIds: readonly string[];
  readonly escalationIds: readonly string[];
}

// ---------------------------------------------------------------------------------------------------- strings

const UNRESERVED = /^[A-Za-z0-9\-._~]$/;

/** Percent-encodes the UTF-8 bytes of a text (a lone surrogate becomes U+FFFD, as a browser would send it). */
export function percentEncode(text: string): string {
  return [...Buffer.from(text, 'utf8')]
    .map((byte) => {
      const char = String.fromCharCode(byte);
      return UNRESERVED.test(char) ? char : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
    })
    .join('');
}

/** Already on the wire: broken escapes, overlong UTF-8, encoded slashes and dots, NUL. */
const RAW_URL_TEXTS = [
  '%', '%%', '%zz', '%E0%A4%A', '%C0%AF', '%C0%80', '%FF%FE', '%ED%A0%80', '%00', '%2F', '%5C', '%2e%2e', '..', '.',
  '%252F', '%u0041', '%F0%9F%98', '+', '%20', '~', '%0D%0A',
];

/** Texts that parsers, number conversions and prototypes trip on. */
const TRICKY_TEXTS = [
  '', ' ', '-1', '0', '00', '1.5', '1e3', '1e309', '0x10', ' 1', '1 ', 'NaN', 'Infinity', 'null', 'undefined', 'true',
  '[]', '{}', '__proto__', 'constructor', 'prototype', 'hasOwnProperty', '9'.repeat(30), "' OR '1'='1", '<script>x</script>',
  '${7*7}', '../../etc/passwd', 'ñandú', 'Ünïcödé', '😀', '\u202e', '\u0000', '\t\n', 'C:\\', '14-1', '14/1', 'stl/14',
];

/** Almost dates: what a client gets wrong about YYYY-MM-DD, and dates far in the past or future. */
export const DATE_LIKE = [
  '2026-02-30', '2026-13-01', '2026-00-10', '2026-11-31', '0000-01-01', '9999-12-31', '2026-1-5', '20261110', '10/11/2026',
  '2026-11-10T00:00:00Z', '2026-11-10T10:00:00-06:00', ' 2026-11-10', '2026-11-10 ', '2026-11-10\n', '1970-01-01',
  '1900-01-01', '2100-01-01', '2024-02-29', '2025-02-29', '-2026-11-10', '+002026-11-10', '２０２６-１１-１０',
];

const unicodeText = (maxLength: number) => fc.string({ unit: 'binary', maxLength });
const asciiText = (maxLength: number) => fc.string({ unit: 'binary-ascii', maxLength });

/** A long value that still fits Node's 16 KB request head once encoded (beyond that Node answers 431 itself). */
const longAscii = fc.integer({ min: 500, max: 4_000 }).map((length) => 'a'.repeat(length));

/** Arbitrary bytes, most of them not UTF-8 at all. */
const encodedBytes = fc
  .uint8Array({ minLength: 1, maxLength: 24 })
  .map((bytes) => [...bytes].map((byte) => `%${byte.toString(16).toUpperCase().padStart(2, '0')}`).join(''));

/** A path segment or query value, encoded for the wire. */
const fuzzedUrlText: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: unicodeText(40).map(percentEncode) },
  { weight: 2, arbitrary: asciiText(40).map(percentEncode) },
  { weight: 2, arbitrary: fc.constantFrom(...TRICKY_TEXTS).map(percentEncode) },
  { weight: 2, arbitrary: fc.constantFrom(...RAW_URL_TEXTS) },
  { weight: 1, arbitrary: encodedBytes },
  { weight: 1, arbitrary: longAscii },
  { weight: 1, arbitrary: fc.constantFrom(...DATE_LIKE).map(percentEncode) },
);

// ---------------------------------------------------------------------------------------------------- parameters

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, index) => String(from + index));

/** Values of a path parameter that name something real (or at least valid), by name and place in the route. */
export function knownPathValues(operation: Operation, parameter: Parameter, targets: Targets): string[] {
  const fallback = [String(parameter.example ?? parameter.schema.example ?? sampleOf(parameter.schema))];
  const nonEmpty = (values: readonly string[]) => (values.length > 0 ? [...values] : fallback);
  switch (parameter.name) {
    case 'entidad':
      return [targets.entidad];
    case 'memberId':
      return nonEmpty(targets.memberIds);
    case 'commitmentId':
      return nonEmpty(targets.commitmentIds);
    case 'stage':
      return range(1, 10);
    case 'step':
      return range(1, 6);
    case 'id':
      if (operation.template.includes('/sessions/{id}')) return nonEmpty(targets.sessionIds);
      if (operation.template.includes('/escalations/{id}')) return nonEmpty(targets.escalationIds);
      if (operation.template.includes('/exercises/{id}')) return [targets.exerciseId];
      return fallback;
    default:
      return fallback;
  }
}

function validPath(operation: Operation, targets: Targets): fc.Arbitrary<string> {
  return pathWith(operation, (parameter) => fc.constantFrom(...knownPathValues(operation, parameter, targets)).map(percentEncode));
}

function pathWith(operation: Operation, value: (parameter: Parameter) => fc.Arbitrary<string>): fc.Arbitrary<string> {
  if (operation.pathParameters.length === 0) return fc.constant(operation.template);
  return fc
    .tuple(...operation.pathParameters.map(value))
    .map((values) =>
      operation.pathParameters.reduce((path, parameter, index) => path.replace(`{${parameter.name}}`, values[index]), operation.template),
    );
}

/** Values a query parameter's schema accepts. */
function validQueryValues(parameter: Parameter): string[] {
  const schema = parameter.schema;
  if (schema.enum?.length) return schema.enum.map(String);
  if (schema.type === 'boolean') return ['true', 'false'];
  if (schema.type === 'number' || schema.type === 'integer') {
    const low = schema.minimum ?? 0;
    return [String(low), String(Math.min(schema.maximum ?? low + 10, low + 10))];
  }
  if (schema.format === 'date') return ['2026-11-23', '2027-01-04'];
  return [String(parameter.example ?? schema.example ?? sampleOf(schema))];
}

function validQuery(operation: Operation): fc.Arbitrary<string> {
  if (operation.queryParameters.length === 0) return fc.constant('');
  return fc
    .tuple(
      ...operation.queryParameters.map((parameter) =>
        parameter.required
          ? fc.constantFrom(...validQueryValues(parameter)).map((value) => [parameter.name, value] as const)
          : fc.option(fc.constantFrom(...validQueryValues(parameter)).map((value) => [parameter.name, value] as const), { nil: undefined }),
      ),
    )
    .map((pairs) => queryString(pairs.flatMap((pair) => (pair ? [[pair[0], percentEncode(pair[1])] as const] : []))));
}

const queryString = (pairs: readonly (readonly [string, string | undefined])[]) =>
  pairs.length === 0 ? '' : `?${pairs.map(([key, value]) => (value === undefined ? key : `${key}=${value}`)).join('&')}`;

/** Keys that query parsers make objects or arrays of, or that name a prototype's members. */
const TRICKY_KEYS = ['limit[]', 'entidad[a]', 'status[0]', '__proto__', '__proto__[x]', 'constructor', 'a[b][c]', '', '=', '&', 'toString'];

function fuzzedQuery(operation: Operation): fc.Arbitrary<string> {
  const known = operation.queryParameters.map((parameter) => parameter.name);
  const key = fc.oneof(
    ...(known.length > 0 ? [{ weight: 4, arbitrary: fc.constantFrom(...known) }] : []),
    { weight: 1, arbitrary: fc.constantFrom(...TRICKY_KEYS).map((text) => (/^[\w[\]]*$/.test(text) ? text : percentEncode(text))) },
    { weight: 1, arbitrary: unicodeText(12).map(percentEncode) },
  );
  const value = fc.oneof(
    ...(operation.queryParameters.length > 0
      ? [{ weight: 2, arbitrary: fc.constantFrom(...operation.queryParameters.flatMap(validQueryValues)).map(percentEncode) }]
      : []),
    { weight: 4, arbitrary: fuzzedUrlText },
  );
  return fc.array(fc.tuple(key, fc.option(value, { nil: undefined, freq: 8 })), { maxLength: 5 }).map(queryString);
}

// ---------------------------------------------------------------------------------------------------- bodies

const JSON_CONTENT = 'application/json';

/** A body as raw JSON text built from pairs, so that `__proto__` and repeated keys go on the wire as written. */
const objectText = (pairs: readonly (readonly [string, unknown])[]) =>
  `{${pairs.map(([key, value]) => `${JSON.stringify(key)}:${JSON.stringify(value) ?? 'null'}`).join(',')}}`;

function propertyNames(schema: JsonSchema | undefined): string[] {
  if (!schema) return [];
  const own = Object.keys(schema.properties ?? {});
  return [...own, ...Object.values(schema.properties ?? {}).flatMap((child) => propertyNames(child.items ?? child))];
}

const nastyKey = (names: readonly string[]) =>
  fc.oneof(
    ...(names.length > 0 ? [{ weight: 3, arbitrary: fc.constantFrom(...names) }] : []),
    { weight: 1, arbitrary: fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', '', ' ', '$where', 'a.b', '0') },
    { weight: 2, arbitrary: unicodeText(16) },
  );

const jsonValue = fc.jsonValue({ maxDepth: 3 });

/** Objects and arrays nested far beyond any DTO (the body parser accepts them; what comes after must too). */
const deepNesting: fc.Arbitrary<string> = fc
  .tuple(fc.integer({ min: 20, max: 20_000 }), fc.constantFrom('array', 'object', 'mixed'))
  .map(([depth, kind]) => {
    if (kind === 'array') return `${'['.repeat(depth)}${']'.repeat(depth)}`;
    if (kind === 'object') return `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
    return `${'{"a":['.repeat(depth)}${']}'.repeat(depth)}`;
  });

/** Up to 300 000 characters: some bodies pass the 256 kB limit (413), most do not. */
const hugeString = fc.integer({ min: 5_000, max: 300_000 }).map((length) => 'x'.repeat(length));

const NOT_JSON = ['{', '{"a":', "{'a':1}", 'undefined', 'NaN', '[1,]', '{"a":1,}', '\u0000', '', ' ', 'true false', '{"a":1}{"b":2}', '\uFEFF{}'];

/** Content types the JSON parser refuses or ignores: the handler then sees no body, or the parser answers 415. */
const ODD_CONTENT_TYPES = [
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
  'application/json; charset=utf-16',
  'application/json; charset=latin1',
  'application/xml',
  'application/json, text/plain',
];

/** (a) Anything at all as a body: random objects, wrong top-level types, deep nesting, huge strings, not JSON. */
export function arbitraryBody(operation: Operation): fc.Arbitrary<{ body: string; contentType?: string }> {
  const names = propertyNames(operation.body?.schema);
  const json = (text: fc.Arbitrary<string>) => text.map((body) => ({ body, contentType: JSON_CONTENT }));
  const example = fc.constantFrom(...(operation.body?.examples ?? [{}]));
  return fc.oneof(
    { weight: 5, arbitrary: json(fc.array(fc.tuple(nastyKey(names), jsonValue), { maxLength: 8 }).map(objectText)) },
    { weight: 2, arbitrary: json(jsonValue.map((value) => JSON.stringify(value) ?? 'null')) },
    { weight: 1, arbitrary: json(deepNesting) },
    {
      weight: 1,
      arbitrary: json(
        fc.tuple(example, nastyKey(names), deepNesting).map(([base, key, deep]) => {
          const text = JSON.stringify(base && typeof base === 'object' && !Array.isArray(base) ? base : {});
          return `${text.slice(0, -1)}${text.length > 2 ? ',' : ''}${JSON.stringify(key)}:${deep}}`;
        }),
      ),
    },
    { weight: 1, arbitrary: json(fc.tuple(nastyKey(names), hugeString).map(([key, value]) => objectText([[key, value]]))) },
    { weight: 1, arbitrary: json(fc.oneof(fc.constantFrom(...NOT_JSON), unicodeText(30))) },
    {
      weight: 1,
      arbitrary: fc.tuple(example, fc.constantFrom(...ODD_CONTENT_TYPES)).map(([base, contentType]) => ({
        body: contentType.includes('urlencoded') ? 'entidad=14&startedOn=2026-11-02' : JSON.stringify(base),
        contentType,
      })),
    },
    { weight: 1, arbitrary: example.map((base) => ({ body: JSON.stringify(base) })) },
  );
}

// ---------------------------------------------------------------------------------------------------- near-valid

type JsonPath = readonly (string | number)[];

/** Every node of a JSON value (objects' keys and arrays' indices), up to a depth. */
function pathsOf(value: unknown, depth = 4, prefix: JsonPath = []): JsonPath[] {
  if (depth === 0 || value === null || typeof value !== 'object') return [];
  const entries: [string | number, unknown][] = Array.isArray(value) ? value.map((item, index) => [index, item]) : Object.entries(value);
  return entries.flatMap(([key, child]) => [[...prefix, key], ...pathsOf(child, depth - 1, [...prefix, key])]);
}

type Mutation =
  | { readonly kind: 'delete' }
  | { readonly kind: 'set'; readonly value: unknown }
  | { readonly kind: 'add'; readonly key: string; readonly value: unknown }
  | { readonly kind: 'duplicate' };

function mutate(base: unknown, path: JsonPath, mutation: Mutation): unknown {
  const copy = structuredClone(base);
  const node = path.reduce<any>((value, key) => value?.[key], copy);
  if (mutation.kind === 'add') {
    // Into the object at the path, or else into the object that holds it.
    const holder = isObject(node) ? node : path.slice(0, -1).reduce<any>((value, key) => value?.[key], copy);
    if (isObject(holder)) objectWith(holder, mutation.key, mutation.value);
    return copy;
  }
  if (path.length === 0) return mutation.kind === 'set' ? mutation.value : mutation.kind === 'duplicate' && Array.isArray(copy) ? [...copy, ...copy] : copy;
  const parent = path.slice(0, -1).reduce<any>((value, key) => value?.[key], copy);
  const key = path[path.length - 1];
  if (parent === null || typeof parent !== 'object') return copy;
  if (mutation.kind === 'set') parent[key] = mutation.value;
  else if (mutation.kind === 'delete' && Array.isArray(parent)) parent.splice(Number(key), 1);
  else if (mutation.kind === 'delete') delete parent[key];
  else if (Array.isArray(node)) parent[key] = [...node, ...node];
  else if (Array.isArray(parent)) parent.push(node);
  return copy;
}

const isObject = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object' && !Array.isArray(value);

/** Adds a key as an own property, even `__proto__`. */
function objectWith(target: object, key: string, value: unknown): object {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  return target;
}

/** Values that break one field: wrong types, lengths around the DTOs' limits, almost-dates, long lists. */
const wrongValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.constantFrom(-1, 0, 1.5, 11, 1e21, -0, Number.MAX_SAFE_INTEGER + 2),
  unicodeText(30),
  fc.constantFrom(...TRICKY_TEXTS, ...DATE_LIKE),
  fc
    .tuple(fc.constantFrom(64, 65, 80, 81, 200, 201, 300, 301, 500, 501, 1_000, 1_001, 2_000, 2_001, 4_000, 4_001, 5_000, 5_001, 100_000), fc.constantFrom('x', 'ñ', '😀'))
    .map(([length, char]) => char.repeat(length)),
  fc.array(jsonValue, { maxLength: 4 }),
  fc.integer({ min: 0, max: 1_000 }).map((length) => Array.from({ length }, (_, index) => `v-${index}`)),
  fc.array(fc.tuple(unicodeText(8), jsonValue), { maxLength: 3 }).map((pairs) => Object.fromEntries(pairs)),
);

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  { weight: 2, arbitrary: fc.constant({ kind: 'delete' } as const) },
  { weight: 8, arbitrary: wrongValue.map((value) => ({ kind: 'set', value }) as const) },
  { weight: 2, arbitrary: fc.tuple(nastyKey([]), jsonValue).map(([key, value]) => ({ kind: 'add', key, value }) as const) },
  { weight: 1, arbitrary: fc.constant({ kind: 'duplicate' } as const) },
);

/** (b) The document's example (or a sample of its schema) with one field broken: deleted, retyped, added to. */
export function nearValidBody(operation: Operation): fc.Arbitrary<{ body: string; contentType: string }> {
  const examples = operation.body?.examples ?? [{}];
  return fc
    .constantFrom(...examples)
    .chain((base) => fc.tuple(fc.constant(base), fc.constantFrom<JsonPath>([], ...pathsOf(base)), mutation))
    .map(([base, path, change]) => ({ body: JSON.stringify(mutate(base, path, change)) ?? 'null', contentType: JSON_CONTENT }));
}

// ---------------------------------------------------------------------------------------------------- requests

/**
 * Every documented field of every example of the operation, once set to null and once left out: `@IsOptional()`
 * lets null through, and a handler or decider that only expects undefined fails on it (a 500 found by schemathesis).
 */
export function nullAndMissingFieldRequests(operation: Operation, targets: Targets): FuzzRequest[] {
  if (!operation.body) return [];
  const path = operation.pathParameters.reduce(
    (template, parameter) => template.replace(`{${parameter.name}}`, percentEncode(knownPathValues(operation, parameter, targets)[0])),
    operation.template,
  );
  const query = queryString(
    operation.queryParameters.filter((parameter) => parameter.required).map((parameter) => [parameter.name, percentEncode(validQueryValues(parameter)[0])] as const),
  );
  return operation.body.examples.flatMap((example) => {
    if (!isObject(example)) return [];
    const fields = [...new Set([...Object.keys(operation.body?.schema.properties ?? {}), ...Object.keys(example)])];
    const variants = fields.flatMap((field) => {
      const { [field]: _left, ...without } = example;
      return [{ ...example, [field]: null }, ...(field in example ? [without] : [])];
    });
    return variants.map((body) => ({ method: operation.method, path: path + query, body: JSON.stringify(body), contentType: JSON_CONTENT }));
  });
}

const exampleBody = (operation: Operation) =>
  operation.body ? fc.constantFrom(...operation.body.examples).map((example) => ({ body: JSON.stringify(example), contentType: JSON_CONTENT })) : fc.constant({});

/** (a) as a request: valid path and query, any body (GET and DELETE without a body in the document get one too). */
export function arbitraryBodyRequest(operation: Operation, targets: Targets): fc.Arbitrary<FuzzRequest> {
  return fc
    .tuple(validPath(operation, targets), validQuery(operation), arbitraryBody(operation))
    .map(([path, query, body]) => ({ method: operation.method, path: path + query, ...body }));
}

/** (b) as a request: valid path and query, the example with one field broken. */
export function nearValidRequest(operation: Operation, targets: Targets): fc.Arbitrary<FuzzRequest> {
  return fc
    .tuple(validPath(operation, targets), validQuery(operation), nearValidBody(operation))
    .map(([path, query, { body, contentType }]) => ({ method: operation.method, path: path + query, body, contentType }));
}

/** (c) Any path parameters and query string, with the document's example as the body. */
export function parameterRequest(operation: Operation, targets: Targets): fc.Arbitrary<FuzzRequest> {
  const segment = (parameter: Parameter) =>
    fc.oneof(
      { weight: 1, arbitrary: fc.constantFrom(...knownPathValues(operation, parameter, targets)).map(percentEncode) },
      { weight: 3, arbitrary: fuzzedUrlText },
    );
  return fc
    .tuple(pathWith(operation, segment), fc.oneof(validQuery(operation), fuzzedQuery(operation)), exampleBody(operation))
    .map(([path, query, body]) => ({ method: operation.method, path: path + query, ...body }));
}

/** What an anonymous caller or an attacker puts in the Authorization header (or the board's cookie). */
export function credentialHeaders(forgedTokens: readonly string[]): fc.Arbitrary<Record<string, string>> {
  // Header values: visible ASCII only (fetch refuses control characters before anything is sent).
  const visible = fc.string({ unit: fc.integer({ min: 0x21, max: 0x7e }).map((code) => String.fromCharCode(code)), minLength: 1, maxLength: 60 });
  const garbage = fc.oneof(visible, fc.base64String({ maxLength: 80 }), longAscii);
  return fc.oneof(
    fc.constant({}),
    fc.constantFrom('Bearer', 'Bearer ', 'bearer x.y.z', 'Basic Y29vcmRpbmFkb3I6Y29jcmVhY2lvbg==', 'Bearer a.b', 'Bearer ..', 'Token abc').map((authorization) => ({ authorization })),
    garbage.map((text) => ({ authorization: `Bearer ${text}` })),
    garbage.map((text) => ({ authorization: text })),
    fc.tuple(fc.base64String({ minLength: 4, maxLength: 40 }), fc.base64String({ minLength: 4, maxLength: 80 }), fc.base64String({ maxLength: 40 })).map(
      ([header, payload, signature]) => ({ authorization: `Bearer ${[header, payload, signature].map((part) => part.replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_')).join('.')}` }),
    ),
    ...(forgedTokens.length > 0 ? [fc.constantFrom(...forgedTokens).map((token) => ({ authorization: `Bearer ${token}` }))] : []),
    garbage.map((text) => ({ cookie: `cocreacion_sesion=${encodeURIComponent(text)}` })),
  );
}

/** Unauthenticated and garbage-token requests: valid path, query and body, so that only the credentials are wrong. */
export function anonymousRequest(operation: Operation, targets: Targets, forgedTokens: readonly string[]): fc.Arbitrary<FuzzRequest> {
  return fc
    .tuple(validPath(operation, targets), validQuery(operation), exampleBody(operation), credentialHeaders(forgedTokens))
    .map(([path, query, body, headers]) => ({ method: operation.method, path: path + query, ...body, headers }));
}

/**
 * Texts no field may store or must survive (issue 13, "one character wedges a workflow for ever"): control
 * characters, a lone surrogate, a bidi override, a non-character, and a text far longer than any field admits.
 */
export const HOSTILE_TEXTS: readonly string[] = [
  'acta\u0000.pdf',
  'acta \ud800',
  'Mesa \u202egnp.exe',
  'a\u0007b\u001bc',
  'línea\u0085siguiente',
  'fin \uffff',
  'á'.repeat(10_000),
];

/**
 * Each text field of each example, in turn, set to the next hostile text (every field meets several across the
 * examples; the values rotate so the sweep stays small).
 */
export function hostileTextRequests(operation: Operation, targets: Targets): FuzzRequest[] {
  if (!operation.body) return [];
  const path = operation.pathParameters.reduce(
    (template, parameter) => template.replace(`{${parameter.name}}`, percentEncode(knownPathValues(operation, parameter, targets)[0])),
    operation.template,
  );
  let turn = 0;
  return operation.body.examples.flatMap((example) =>
    pathsOf(example)
      .filter((field) => typeof field.reduce<any>((value, key) => value?.[key], example) === 'string')
      .flatMap((field) =>
        [0, 1].map(() => {
          const value = HOSTILE_TEXTS[turn++ % HOSTILE_TEXTS.length];
          const body = JSON.stringify(mutate(example, field, { kind: 'set', value }));
          return { method: operation.method, path, body, contentType: JSON_CONTENT };
        }),
      ),
  );
}
