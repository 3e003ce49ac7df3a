/** The tenant sync's public types: what a file may hold, and what plan and apply answer. */
import { expectTypeOf, test } from 'vitest';
import type {
  ApplyResult,
  TenantPlan,
  TenantSecret,
  TenantSync,
  TenantsFile,
} from '../src/tenants/index.js';

test('a tenants file in code is checked like the YAML one', () => {
  const file: TenantsFile = {
    version: 1,
    prefix: 'tk-',
    defaults: { synthflow: { limits: { maxMinutes: 100 } } },
    tenants: {
      acme: {
        synthflow: { permissions: { logs: true, widget: false } },
        vobiz: { enabled: false, password: { env: 'ACME_PASSWORD' } },
        voximplant: { roles: ['Support'], password: { generate: true } },
      },
    },
  };
  expectTypeOf(file).toEqualTypeOf<TenantsFile>();

  const clearPassword: TenantsFile = {
    version: 1,
    prefix: 'tk-',
    // @ts-expect-error a secret is a reference ({ env } or { generate }), never the value
    tenants: { acme: { vobiz: { password: 'hunter2' } } },
  };
  const unknownPermission: TenantsFile = {
    version: 1,
    prefix: 'tk-',
    // @ts-expect-error Synthflow's permission names come from its spec
    tenants: { acme: { synthflow: { permissions: { teleport: true } } } },
  };
  const voximplantQuota: TenantsFile = {
    version: 1,
    prefix: 'tk-',
    // @ts-expect-error Voximplant has no quotas
    tenants: { acme: { voximplant: { limits: { maxMinutes: 1 } } } },
  };
  // Every provider of the registry has a block; one it does not have is refused.
  const twilio: TenantsFile = { version: 1, prefix: 'tk-', tenants: { acme: { twilio: {} } } };
  const unknownProvider: TenantsFile = {
    version: 1,
    prefix: 'tk-',
    // @ts-expect-error plivo is not a provider of the registry
    tenants: { acme: { plivo: {} } },
  };
  void [clearPassword, unknownPermission, voximplantQuota, twilio, unknownProvider];
});

test('plan and apply', () => {
  expectTypeOf<TenantSync['plan']>().returns.toEqualTypeOf<Promise<TenantPlan>>();
  expectTypeOf<TenantSync['apply']>().returns.toEqualTypeOf<Promise<ApplyResult>>();
  expectTypeOf<Parameters<TenantSync['apply']>[0]>().toEqualTypeOf<TenantPlan | TenantsFile>();
  expectTypeOf<TenantSecret['value']['reveal']>().returns.toBeString();
});
