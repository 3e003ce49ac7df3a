/** Pieces of the tenants file's JSON Schema that several providers' blocks use. */

export const secretRefSchema = {
  description:
    'A secret is never written in the file: `{ env: NAME }` reads it from the environment, `{ generate: true }` makes a strong one and hands it to the secrets sink.',
  oneOf: [
    {
      type: 'object',
      properties: { env: { type: 'string', pattern: '^[A-Za-z_][A-Za-z0-9_]*$' } },
      required: ['env'],
      additionalProperties: false,
    },
    {
      type: 'object',
      properties: { generate: { const: true } },
      required: ['generate'],
      additionalProperties: false,
    },
  ],
} as const;

export const nullableCountSchema = { type: ['integer', 'null'], minimum: 0 } as const;
export const textSchema = { type: 'string', minLength: 1 } as const;

/**
 * A shared piece with its own description. Call it `/* @__PURE__ *\/`: a spread written inline
 * would keep a provider's whole tenant rules in a bundle that only builds its client.
 */
export function described<S extends object>(
  schema: S,
  description: string,
): S & { description: string } {
  return { ...schema, description };
}
