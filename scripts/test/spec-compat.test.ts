/**
 * Optic's classification of the edits a provider's docs typically cause, on a small fixture
 * spec (scripts/test/fixtures/base.yaml): each row is one edit and the verdict it must get.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { type ChangeLevel, compareSpecs } from '../lib/spec-compat.js';

// biome-ignore lint/suspicious/noExplicitAny: the edits below reach deep into parsed YAML
type Json = Record<string, any>;
const baseText = readFileSync(new URL('./fixtures/base.yaml', import.meta.url), 'utf8');

function edited(edit: (spec: Json) => void): string {
  const spec = parse(baseText) as Json;
  edit(spec);
  return stringify(spec);
}

const rows: Array<{ name: string; edit: (spec: Json) => void; level: ChangeLevel; rule?: RegExp }> =
  [
    {
      name: 'removing a response field',
      edit: (s) => delete s.components.schemas.Account.properties.email,
      level: 'breaking',
      rule: /removing response property/,
    },
    {
      name: 'making an optional request field required',
      edit: (s) => s.components.schemas.CreateAccountRequest.required.push('email'),
      level: 'breaking',
      rule: /request property to required/,
    },
    {
      name: 'narrowing a request enum',
      edit: (s) => {
        s.components.schemas.CreateAccountRequest.properties.plan.enum = ['free', 'pro'];
      },
      level: 'breaking',
      rule: /enum/,
    },
    {
      name: 'narrowing a query parameter enum',
      edit: (s) => {
        s.paths['/accounts'].get.parameters[0].schema.enum = ['active'];
      },
      level: 'breaking',
      rule: /enum/,
    },
    {
      name: 'changing a request field type',
      edit: (s) => {
        s.components.schemas.CreateAccountRequest.properties.max_minutes.type = 'string';
      },
      level: 'breaking',
      rule: /request property type/,
    },
    {
      name: 'changing a response field type',
      edit: (s) => {
        s.components.schemas.Account.properties.id.type = 'integer';
      },
      level: 'breaking',
      rule: /response property type/,
    },
    {
      name: 'removing an operation',
      edit: (s) => delete s.paths['/accounts/{id}'],
      level: 'breaking',
      rule: /operation removal/,
    },
    {
      name: 'adding an optional request field',
      edit: (s) => {
        s.components.schemas.CreateAccountRequest.properties.note = { type: 'string' };
      },
      level: 'addition',
    },
    {
      name: 'adding an optional response field',
      edit: (s) => {
        s.components.schemas.Account.properties.created_at = { type: 'string' };
      },
      level: 'addition',
    },
    {
      name: 'adding an operation',
      edit: (s) => {
        s.paths['/accounts/{id}'].delete = {
          operationId: 'deleteAccount',
          parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
          responses: { '204': { description: 'Deleted.' } },
        };
      },
      level: 'addition',
    },
    {
      name: 'widening a request enum',
      edit: (s) => s.components.schemas.CreateAccountRequest.properties.plan.enum.push('trial'),
      level: 'addition',
    },
    {
      name: 'rewording a description',
      edit: (s) => {
        s.paths['/accounts'].get.description = 'Every account of the parent.';
      },
      level: 'change',
    },
    {
      name: 'bumping only info.version',
      edit: (s) => {
        s.info.version = '1.0.1';
      },
      level: 'none',
    },
  ];

describe('compareSpecs (Optic breaking-changes ruleset)', () => {
  it.each(rows)('$name → $level', async ({ edit, level, rule }) => {
    const result = await compareSpecs(baseText, edited(edit));
    expect(result.level).toBe(level);
    if (level === 'breaking') expect(result.breaking.map((f) => f.rule).join('\n')).toMatch(rule!);
    else expect(result.breaking).toEqual([]);
  });

  it('still sees a breaking change when info.version gets a new major', async () => {
    // Optic alone waives every rule on a major version bump; the classification must not.
    const result = await compareSpecs(
      baseText,
      edited((s) => {
        s.info.version = '2.0.0';
        delete s.components.schemas.Account.properties.email;
      }),
    );
    expect(result.level).toBe('breaking');
  });

  it('names the operation and the field of a breaking change', async () => {
    const result = await compareSpecs(
      baseText,
      edited((s) => delete s.components.schemas.Account.properties.email),
    );
    expect(result.breaking.map((f) => f.operation).sort()).toEqual([
      'GET /accounts',
      'GET /accounts/{id}',
      'POST /accounts',
    ]);
    expect(result.breaking[0]?.message).toContain("'email'");
  });
});
