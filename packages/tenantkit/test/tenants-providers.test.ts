/**
 * The tenants file's providers are the registry's: each provider's block, its naming rule (from
 * its definition) and its schema come from one place per provider. No server is needed: these
 * are the checks made before anything is sent.
 */
import { describe, expect, it } from 'vitest';
import { DEFINITIONS, PROVIDERS } from '../src/registry.js';
import {
  managedName,
  parseTenantsFile,
  TENANT_PROVIDERS,
  TENANTS_SCHEMA,
  tenantKeyOf,
} from '../src/tenants/index.js';

const file = (prefix: string, key: string, provider: string) =>
  `version: 1\nprefix: ${prefix}\ntenants:\n  ${key}:\n    ${provider}: {}\n`;

describe('the tenants file follows the registry', () => {
  it('declares every provider of the registry, in its order, in the schema and the list', () => {
    expect(TENANT_PROVIDERS).toEqual(PROVIDERS);
    expect(Object.keys(TENANTS_SCHEMA.properties.defaults.properties)).toEqual([...PROVIDERS]);
    expect(Object.keys(TENANTS_SCHEMA.properties.tenants.additionalProperties.properties)).toEqual([
      ...PROVIDERS,
    ]);
  });

  it('takes a Twilio block, and refuses a provider the registry does not have', () => {
    expect(parseTenantsFile(file('tk-', 'acme', 'twilio')).tenants.acme).toEqual({ twilio: {} });
    expect(() => parseTenantsFile(file('tk-', 'acme', 'plivo'))).toThrow(
      /tenant acme, field tenants\.acme\.plivo — .*\(rule: additionalProperties\)/,
    );
  });

  it("checks a derived name against the provider definition's naming rule", () => {
    expect(DEFINITIONS.twilio.naming?.length?.max).toBe(64);
    const key = 'k'.repeat(60);
    expect(() => parseTenantsFile(file('tk-acme-east', key, 'twilio'))).toThrow(
      /tenant k+, twilio, field tenants\.k+ — prefix \+ key makes the Twilio FriendlyName "tk-acme-eastk+" \(72 characters\), which takes 1 to 64 \(rule: provider-name\)/,
    );
    // Synthflow and Vobiz keep any name: the same file is fine for them.
    expect(() => parseTenantsFile(file('tk-acme-east', key, 'vobiz'))).not.toThrow();
  });

  it('matches names case-insensitively only where the provider keeps them in lower case', () => {
    expect(managedName('voximplant', 'tk-', 'acme')).toBe('tk-acme');
    expect(tenantKeyOf('voximplant', 'tk-', 'TK-Acme')).toBe('acme');
    expect(tenantKeyOf('twilio', 'tk-', 'TK-Acme')).toBeUndefined();
    expect(tenantKeyOf('twilio', 'tk-', 'tk-Acme')).toBe('Acme');
    expect(tenantKeyOf('synthflow', 'tk-', 'tk-')).toBeUndefined();
  });
});
