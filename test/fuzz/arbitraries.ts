import fc from "fast-check";

/**
 * fast-check arbitraries derived from the JSON Schemas of the OpenAPI document, mixed with the
 * hostile values issue 11 found (and plausible domain values, so requests get past the first
 * check and reach the operations behind it).
 */
export interface JsonSchema {
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  minItems?: number;
  maxItems?: number;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  pattern?: string;
  format?: string;
  nullable?: boolean;
}

/** Valid My Numbers in the clothes they came in during the attack; none may reach a log. */
export const PLANTED_MY_NUMBERS = [
  "5260 1815 9084",
  "526018159084",
  "5260-1815-9084",
  "5260.1815.9084@example.com",
  "526-018-159-084",
  "5260/1815/9084",
  "5260\u00a01815\u00a09084",
  "5260\u200b1815\u200b9084",
  "５２６０１８１５９０８４",
  "\u0665\u0662\u0666\u0660\u0661\u0668\u0661\u0665\u0669\u0660\u0668\u0664",
];
/** What a log line or an answer would show if one leaked. */
export const LEAK = /5260\D{0,9}1815|１８１５|1815\D{0,9}9084|٥٢٦|%35%32%36%30/;

export const HOSTILE_STRINGS = [
  ...PLANTED_MY_NUMBERS,
  "",
  " ",
  "a\u0000b",
  "\u0000",
  "9999-99-99",
  "0000-00-00",
  "2026-13-01",
  "9999-12-31",
  "2026-02-30",
  "2026-02-30T10:00:00+09:00",
  "9999-12-31T23:59:59Z",
  "25:61",
  "' or 1=1 --",
  "'; drop table users; --",
  "../../../../etc/passwd",
  "%00",
  "%",
  "<script>alert(1)</script>",
  "__proto__",
  "constructor",
  "\ud800",
  "😀".repeat(50),
  "x".repeat(5000),
  "-1",
  "NaN",
  "1e309",
  "null",
  "{}",
];

export interface Plausible {
  strings: string[];
}

export const DOMAIN_STRINGS = [
  "2026-08-03",
  "2026-08-04",
  "2026-09-01",
  "2026-08",
  "2026-08-03T10:00:00+09:00",
  "2026-08-03T01:30:00.000Z",
  "09:00",
  "17:15",
  "staff",
  "manager",
  "kiosk",
  "closed",
  "open",
  "nagaoka",
  "ナガオカ ハナコ",
  "hanako@example.jp",
  "0258-39-2222",
  "00000000-0000-4000-8000-000000000000",
];

function stringArbitrary(
  schema: JsonSchema,
  plausible: string[],
  clean: boolean,
): fc.Arbitrary<string> {
  const maxLength = Math.min(schema.maxLength ?? 60, 60);
  const minLength = Math.min(schema.minLength ?? 0, maxLength);
  const shaped: fc.Arbitrary<string>[] = [fc.string({ minLength, maxLength })];
  if (schema.pattern) {
    try {
      shaped.push(
        fc
          .stringMatching(new RegExp(schema.pattern))
          .filter((s) => s.length <= (schema.maxLength ?? 200)),
      );
    } catch {
      // A pattern fast-check cannot invert: the other generators stand in.
    }
  }
  if (schema.format === "uuid") shaped.push(fc.uuid());
  if (schema.format === "email") shaped.push(fc.emailAddress());
  if (clean) {
    return fc.oneof(
      { weight: 1, arbitrary: fc.oneof(...shaped) },
      { weight: 3, arbitrary: fc.constantFrom(...plausible) },
    );
  }
  return fc.oneof(
    { weight: 3, arbitrary: fc.oneof(...shaped) },
    { weight: 3, arbitrary: fc.constantFrom(...plausible) },
    { weight: 2, arbitrary: fc.constantFrom(...HOSTILE_STRINGS) },
  );
}

const strange = fc.oneof(
  fc.constantFrom<unknown>(null, true, -1, 0, 2 ** 31, 2 ** 53, -(2 ** 53), 1e308, "", []),
  fc.jsonValue({ maxDepth: 3 }),
);

/**
 * Values for the schema: mostly well-typed, sometimes plausible, hostile or of the wrong type.
 * A clean value is well-typed and plausible throughout, so it reaches the operation's own rules.
 */
export function arbitraryFor(
  schema: JsonSchema | undefined,
  plausible: string[],
  depth = 0,
  clean = false,
): fc.Arbitrary<unknown> {
  const typed = typedArbitrary(schema, plausible, depth, clean);
  if (clean) return typed;
  return fc.oneof({ weight: 9, arbitrary: typed }, { weight: 1, arbitrary: strange });
}

function typedArbitrary(
  schema: JsonSchema | undefined,
  plausible: string[],
  depth: number,
  clean: boolean,
): fc.Arbitrary<unknown> {
  if (!schema || depth > 5) return fc.jsonValue({ maxDepth: 2 });
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (schema.enum && clean) return fc.constantFrom(...schema.enum);
  if (schema.enum)
    return fc.oneof(
      { weight: 4, arbitrary: fc.constantFrom(...schema.enum) },
      { weight: 1, arbitrary: fc.constantFrom(...HOSTILE_STRINGS) },
    );
  const alternatives = schema.anyOf ?? schema.oneOf;
  if (alternatives?.length)
    return fc.oneof(...alternatives.map((s) => typedArbitrary(s, plausible, depth + 1, clean)));
  if (schema.allOf?.length) return typedArbitrary(schema.allOf[0], plausible, depth + 1, clean);
  const types = [schema.type ?? "object"].flat();
  const options = types.map((type): fc.Arbitrary<unknown> => {
    switch (type) {
      case "string":
        return stringArbitrary(schema, plausible, clean);
      case "integer":
        return fc.oneof(
          fc.integer({ min: schema.minimum ?? -1000, max: schema.maximum ?? 1000 }),
          fc.constantFrom(-1, 0, 2 ** 31, 2 ** 53),
        );
      case "number":
        return fc.oneof(
          fc.double({ noNaN: true, noDefaultInfinity: true }),
          fc.constantFrom(-1, 0, 0.5, 1e308),
        );
      case "boolean":
        return fc.boolean();
      case "null":
        return fc.constant(null);
      case "array":
        return fc.array(arbitraryFor(schema.items, plausible, depth + 1, clean), {
          minLength: Math.min(schema.minItems ?? 0, 5),
          maxLength: Math.max(Math.min(schema.maxItems ?? 4, 4), Math.min(schema.minItems ?? 0, 5)),
        });
      default: {
        const properties = schema.properties ?? {};
        const model: Record<string, fc.Arbitrary<unknown>> = {};
        for (const [name, inner] of Object.entries(properties)) {
          model[name] = arbitraryFor(inner, plausible, depth + 1, clean);
        }
        if (Object.keys(model).length === 0)
          return fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 1 }), {
            maxKeys: 3,
          });
        return fc.record(model, {
          requiredKeys: (schema.required ?? []).filter((k) => k in model),
        });
      }
    }
  });
  if (schema.nullable) options.push(fc.constant(null));
  return options.length === 1 ? options[0]! : fc.oneof(...options);
}
