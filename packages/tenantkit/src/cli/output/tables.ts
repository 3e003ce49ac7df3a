/** What each command shows, as sheets (`sheet.ts` renders them as tables or TSV). */
import { capabilityMatrix } from '../../capabilities.js';
import type {
  CreateResult,
  DeleteResult,
  NumberAssignment,
  NumberEntry,
  SubAccount,
} from '../../model.js';
import type { Sheet } from './sheet.js';

function limitsCell(limits: Record<string, unknown> | undefined): string | undefined {
  if (!limits) return undefined;
  return Object.entries(limits)
    .map(([key, value]) => `${key}=${value === null ? 'unlimited' : value}`)
    .join(', ');
}

function permissionsCell(permissions: Record<string, boolean> | undefined): string | undefined {
  if (!permissions) return undefined;
  const on = Object.keys(permissions).filter((key) => permissions[key]);
  const off = Object.keys(permissions).filter((key) => !permissions[key]);
  return [on.length && `on: ${on.join(', ')}`, off.length && `off: ${off.join(', ')}`]
    .filter(Boolean)
    .join('; ');
}

export function subAccountSheet(account: SubAccount): Sheet {
  return {
    rows: [
      ['provider', account.provider],
      ['id', account.id],
      ['name', account.name],
      ['email', account.email],
      ['description', account.description],
      ['enabled', account.enabled],
      ['limits', limitsCell(account.limits as Record<string, unknown> | undefined)],
      ['permissions', permissionsCell(account.permissions as Record<string, boolean> | undefined)],
      ['roles', account.roles?.map((role) => role.role_name).join(', ')],
      ['createdAt', account.createdAt],
    ],
  };
}

export const SUB_ACCOUNT_COLUMNS = ['id', 'name', 'email', 'enabled', 'limits', 'createdAt'];

export function subAccountRow(account: SubAccount): unknown[] {
  return [
    account.id,
    account.name,
    account.email,
    account.enabled,
    limitsCell(account.limits as Record<string, unknown> | undefined),
    account.createdAt,
  ];
}

export function createdSheet(result: CreateResult, showSecrets: boolean): Sheet {
  const credentials = Object.entries(result.credentials).map(([key, secret]) => [
    key,
    showSecrets ? secret.reveal() : String(secret),
  ]);
  return {
    rows: [['provider', result.provider], ['id', result.id], ['name', result.name], ...credentials],
  };
}

export function deletedSheet(result: DeleteResult): Sheet {
  return {
    rows: [
      ['provider', result.provider],
      ['id', result.id],
      ['deleted', result.deleted],
    ],
  };
}

export function numberSheet(numbers: NumberEntry[]): Sheet {
  return {
    head: ['number', 'holder', 'status', 'country'],
    rows: numbers.map((entry) => [entry.number, entry.holder, entry.status, entry.country]),
  };
}

export function assignmentSheet(result: NumberAssignment): Sheet {
  return {
    rows: [
      ['provider', result.provider],
      ['number', result.number],
      ['held by', result.assigned ? result.subAccountId : 'the parent account'],
    ],
  };
}

export function matrixSheet(): Sheet {
  const { header, rows } = capabilityMatrix();
  return { head: header, rows, colWidths: [17, 30, 30, 30] };
}
