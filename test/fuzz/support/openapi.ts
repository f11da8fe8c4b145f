/**
 * The operations of the live OpenAPI document (`GET /api/docs-json`), with their `$ref`s resolved: what the fuzz
 * sends requests to. A route added to the API is fuzzed without touching the tests.
 */

export interface JsonSchema {
  readonly $ref?: string;
  readonly type?: string;
  readonly format?: string;
  readonly enum?: readonly unknown[];
  readonly example?: unknown;
  readonly default?: unknown;
  readonly properties?: Readonly<Record<string, JsonSchema>>;
  readonly required?: readonly string[];
  readonly items?: JsonSchema;
  readonly minItems?: number;
  readonly maxItems?: number;
  readonly minLength?: number;
  readonly maxLength?: number;
  readonly minimum?: number;
  readonly maximum?: number;
  readonly allOf?: readonly JsonSchema[];
  readonly oneOf?: readonly JsonSchema[];
  readonly anyOf?: readonly JsonSchema[];
}

export interface Parameter {
  readonly name: string;
  readonly in: 'path' | 'query' | 'header' | 'cookie';
  readonly required: boolean;
  readonly schema: JsonSchema;
  readonly example?: unknown;
}

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface Operation {
  /** `POST /api/exercises/{id}/pal`, as the document spells it. */
  readonly label: string;
  readonly method: HttpMethod;
  readonly template: string;
  readonly pathParameters: readonly Parameter[];
  readonly queryParameters: readonly Parameter[];
  /** The JSON body, when the operation takes one: its schema and the document's examples (at least one). */
  readonly body?: { readonly schema: JsonSchema; readonly examples: readonly unknown[] };
  /** Needs a bearer token (anything else answers 401). */
  readonly secured: boolean;
}

interface RawOperation {
  readonly parameters?: readonly (Parameter & { $ref?: string })[];
  readonly requestBody?: {
    readonly content?: Record<string, { schema?: JsonSchema; example?: unknown; examples?: Record<string, { value?: unknown }> }>;
  };
  readonly security?: readonly Record<string, unknown>[];
}

export interface OpenApiDocument {
  readonly paths: Record<string, Record<string, RawOperation>>;
  readonly components?: { readonly schemas?: Record<string, JsonSchema> };
  readonly security?: readonly Record<string, unknown>[];
}

const METHODS: readonly HttpMethod[] = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'];

/** The schema with every `$ref` replaced by its target (a cycle stops at the second visit). */
export function resolveSchema(document: OpenApiDocument, schema: JsonSchema | undefined, seen: readonly string[] = []): JsonSchema {
  if (!schema) return {};
  if (schema.$ref) {
    const name = schema.$ref.replace('#/components/schemas/', '');
    if (seen.includes(name)) return {};
    return resolveSchema(document, document.components?.schemas?.[name], [...seen, name]);
  }
  const resolve = (child: JsonSchema | undefined) => resolveSchema(document, child, seen);
  return {
    ...schema,
    ...(schema.properties && {
      properties: Object.fromEntries(Object.entries(schema.properties).map(([key, child]) => [key, resolve(child)])),
    }),
    ...(schema.items && { items: resolve(schema.items) }),
    ...(schema.allOf && { allOf: schema.allOf.map(resolve) }),
    ...(schema.oneOf && { oneOf: schema.oneOf.map(resolve) }),
    ...(schema.anyOf && { anyOf: schema.anyOf.map(resolve) }),
  };
}

/** A value the schema accepts, from its examples, enums, formats and bounds: the starting point of near-valid bodies. */
export function sampleOf(schema: JsonSchema): unknown {
  if (schema.example !== undefined) return schema.example;
  if (schema.default !== undefined) return schema.default;
  if (schema.enum?.length) return schema.enum[0];
  const [variant] = schema.allOf ?? schema.oneOf ?? schema.anyOf ?? [];
  if (variant) return sampleOf(variant);
  switch (schema.type) {
    case 'object':
      return Object.fromEntries(Object.entries(schema.properties ?? {}).map(([key, child]) => [key, sampleOf(child)]));
    case 'array':
      return Array.from({ length: Math.max(1, schema.minItems ?? 0) }, () => sampleOf(schema.items ?? {}));
    case 'integer':
    case 'number':
      return schema.minimum ?? 1;
    case 'boolean':
      return true;
    case 'string':
      if (schema.format === 'date') return '2026-11-10';
      if (schema.format === 'email') return 'persona@ejemplo.org.mx';
      if (schema.format === 'uri' || schema.format === 'url') return 'https://micrositio.ejemplo.org.mx/a.pdf';
      return 'texto'.slice(0, Math.max(schema.minLength ?? 1, Math.min(5, schema.maxLength ?? 5)));
    default:
      return schema.properties ? sampleOf({ ...schema, type: 'object' }) : 'texto';
  }
}

function bodyOf(document: OpenApiDocument, operation: RawOperation): Operation['body'] {
  const content = operation.requestBody?.content?.['application/json'];
  if (!content) return undefined;
  const schema = resolveSchema(document, content.schema);
  const documented = [
    ...(content.example === undefined ? [] : [content.example]),
    ...Object.values(content.examples ?? {}).flatMap((example) => (example.value === undefined ? [] : [example.value])),
  ];
  return { schema, examples: documented.length > 0 ? documented : [sampleOf(schema)] };
}

export function operationsOf(document: OpenApiDocument): Operation[] {
  return Object.entries(document.paths).flatMap(([template, methods]) =>
    Object.entries(methods).flatMap(([method, operation]): Operation[] => {
      const verb = method.toUpperCase() as HttpMethod;
      if (!METHODS.includes(verb)) return [];
      const parameters = (operation.parameters ?? []).map((parameter) => ({
        ...parameter,
        required: parameter.required ?? parameter.in === 'path',
        schema: resolveSchema(document, parameter.schema),
      }));
      const security = operation.security ?? document.security ?? [];
      return [
        {
          label: `${verb} ${template}`,
          method: verb,
          template,
          pathParameters: parameters.filter((parameter) => parameter.in === 'path'),
          queryParameters: parameters.filter((parameter) => parameter.in === 'query'),
          body: bodyOf(document, operation),
          secured: security.some((requirement) => Object.keys(requirement).length > 0),
        },
      ];
    }),
  );
}

/**
 * Credential routes: they share one rate limit per address with the fuzzers' own logins, and a valid call may end
 * the fuzzing account's session. Schemathesis leaves them all out; fast-check keeps only the login (bad bodies
 * never reach bcrypt), the others being left to test/accounts.e2e-spec.ts.
 */
export const CREDENTIAL_PATHS: readonly string[] = [
  '/api/auth/token',
  '/api/auth/password',
  '/api/auth/password-reset',
  '/api/auth/logout',
  '/api/auth/me/password',
];

export async function liveOperations(apiUrl: string): Promise<Operation[]> {
  const response = await fetch(`${apiUrl}/api/docs-json`);
  if (!response.ok) throw new Error(`GET /api/docs-json answered ${response.status}`);
  return operationsOf((await response.json()) as OpenApiDocument).filter(
    (operation) => operation.method === 'GET' || operation.template === '/api/auth/token' || !CREDENTIAL_PATHS.includes(operation.template),
  );
}
