/**
 * The one table of what each provider supports, made of the rows the provider definitions hold.
 * `tk.capabilities()`, the CLI's `providers` command and the README's matrix are derived from it;
 * each provider's adapter checks its input against its own row (core's `checkFields`).
 */
import {
  type CapabilityRow,
  type FeatureSupport,
  type FieldSupport,
  INPUT_FIELDS,
  InputChecker,
  type InputField,
  UNIFIED_OPERATIONS,
  type UnifiedOperation,
} from '@tenantkit/core';
import { PROVIDER_DEFINITIONS, PROVIDERS, type Provider } from './registry.js';

export const OPERATIONS = UNIFIED_OPERATIONS;
export type Operation = UnifiedOperation;
export { type FeatureSupport, type FieldSupport, INPUT_FIELDS, type InputField };

/** A provider's row of the table (from its definition), with the provider's name. */
export interface ProviderCapabilities extends CapabilityRow {
  provider: Provider;
}

/** Each provider's row, read from its definition (checked there, once, by `defineProvider`). */
export const CAPABILITIES: Readonly<Record<Provider, ProviderCapabilities>> = Object.fromEntries(
  PROVIDER_DEFINITIONS.map((definition) => [
    definition.name,
    Object.freeze({ provider: definition.name, ...definition.capabilities }),
  ]),
) as Record<Provider, ProviderCapabilities>;

/** Refuses, before anything is sent, a numbers call to a provider without that capability. */
export function checkNumbersSupported(provider: Provider, operation: string): void {
  if (CAPABILITIES[provider].numbers.supported) return;
  const supportedBy = PROVIDERS.filter((p) => CAPABILITIES[p].numbers.supported);
  new InputChecker(provider, `numbers.${operation}`).fail(
    'provider',
    'unsupported-operation',
    `does not support numbers (${CAPABILITIES[provider].numbers.how}; supported by: ${supportedBy.join(', ')})`,
  );
}

/** What a provider supports, from the one table. */
export function capabilities(provider: Provider): ProviderCapabilities {
  checkProvider(provider);
  return CAPABILITIES[provider];
}

export function checkProvider(provider: unknown): asserts provider is Provider {
  if (typeof provider !== 'string' || !(PROVIDERS as readonly string[]).includes(provider)) {
    throw new InputChecker('tenantkit', 'subaccounts').fail(
      'provider',
      'enum',
      `must be one of: ${PROVIDERS.join(', ')}`,
    );
  }
}

/** The capability matrix as rows of cells (the CLI table and the README table are made from it). */
export function capabilityMatrix(): { header: string[]; rows: string[][] } {
  const header = ['', ...PROVIDERS];
  const rows: string[][] = [];
  rows.push([
    'operations',
    ...PROVIDERS.map((p) => Object.keys(CAPABILITIES[p].operations).join(', ')),
  ]);
  for (const field of INPUT_FIELDS) {
    rows.push([
      field,
      ...PROVIDERS.map((p) => {
        const support = CAPABILITIES[p].fields[field];
        if (!support) return '—';
        const on = [
          support.create && `create${support.create === 'required' ? ' (required)' : ''}`,
          support.update && 'update',
        ].filter(Boolean);
        return `${on.join(', ')}: ${support.wire}${support.caveat ? ` (${support.caveat})` : ''}`;
      }),
    ]);
  }
  rows.push([
    'delete',
    ...PROVIDERS.map((p) => CAPABILITIES[p].delete ?? 'removes the sub-account'),
  ]);
  rows.push([
    'paging',
    ...PROVIDERS.map(
      (p) => `${CAPABILITIES[p].paging.supported ? 'yes' : 'no'}: ${CAPABILITIES[p].paging.how}`,
    ),
  ]);
  rows.push([
    'credentials on create',
    ...PROVIDERS.map((p) => CAPABILITIES[p].credentials.join(', ') || 'none'),
  ]);
  const feature = (support: FeatureSupport) =>
    `${support.supported ? 'yes' : 'no'}: ${support.how}`;
  rows.push(['numbers', ...PROVIDERS.map((p) => feature(CAPABILITIES[p].numbers))]);
  rows.push(['child accounts', ...PROVIDERS.map((p) => feature(CAPABILITIES[p].childAccounts))]);
  rows.push([
    'on the provider client only',
    ...PROVIDERS.map((p) => CAPABILITIES[p].providerClientOnly.join('; ') || '—'),
  ]);
  return { header, rows };
}

/** The capability matrix as a Markdown table (the README's copy is checked against it). */
export function capabilityMarkdown(): string {
  const { header, rows } = capabilityMatrix();
  const line = (cells: string[]) => `| ${cells.map((c) => c.replace(/\|/g, '\\|')).join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}
