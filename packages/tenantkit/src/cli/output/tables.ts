/** Human-readable output: cli-table3 tables without colour, so they read the same in a pipe. */
import Table from 'cli-table3';
import { capabilityMatrix } from '../../capabilities.js';
import type {
  CreateResult,
  DeleteResult,
  NumberAssignment,
  NumberEntry,
  SubAccount,
} from '../../model.js';
import { printable } from './printable.js';

const EMPTY = '—';
const plain = { head: [], border: [] };
/** One line per row: no rule between rows (the matrix keeps them: its cells wrap). */
const compact = { mid: '', 'left-mid': '', 'mid-mid': '', 'right-mid': '' };

export function keyValueTable(rows: Array<[string, unknown]>): string {
  const table = new Table({ style: plain, chars: compact, wordWrap: true, colWidths: [16, 64] });
  // Rows the provider left empty are left out; the id and name are always there.
  for (const [key, value] of rows)
    if (value !== undefined && value !== '') table.push({ [key]: cell(value) });
  return table.toString();
}

export function gridTable(head: string[], rows: unknown[][], colWidths?: number[]): string {
  const table = new Table({
    head,
    style: plain,
    wordWrap: true,
    ...(colWidths ? { colWidths } : { chars: compact }),
  });
  for (const row of rows) table.push(row.map(cell));
  return table.toString();
}

function cell(value: unknown): string {
  if (value === undefined || value === null || value === '') return EMPTY;
  if (typeof value === 'string') return printable(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return printable(JSON.stringify(value));
}

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

export function subAccountTable(account: SubAccount): string {
  return keyValueTable([
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
  ]);
}

export function subAccountList(accounts: SubAccount[]): string {
  return gridTable(
    ['id', 'name', 'email', 'enabled', 'limits', 'createdAt'],
    accounts.map((account) => [
      account.id,
      account.name,
      account.email,
      account.enabled,
      limitsCell(account.limits as Record<string, unknown> | undefined),
      account.createdAt,
    ]),
  );
}

export function createdTable(result: CreateResult, showSecrets: boolean): string {
  const credentials = Object.entries(result.credentials).map(([key, secret]): [string, string] => [
    key,
    showSecrets ? secret.reveal() : String(secret),
  ]);
  return keyValueTable([
    ['provider', result.provider],
    ['id', result.id],
    ['name', result.name],
    ...credentials,
  ]);
}

export function deletedTable(result: DeleteResult): string {
  return keyValueTable([
    ['provider', result.provider],
    ['id', result.id],
    ['deleted', result.deleted],
  ]);
}

export function numberList(numbers: NumberEntry[]): string {
  return gridTable(
    ['number', 'holder', 'status', 'country'],
    numbers.map((entry) => [entry.number, entry.holder, entry.status, entry.country]),
  );
}

export function assignmentTable(result: NumberAssignment): string {
  return keyValueTable([
    ['provider', result.provider],
    ['number', result.number],
    ['held by', result.assigned ? result.subAccountId : 'the parent account'],
  ]);
}

export function matrixTable(): string {
  const { header, rows } = capabilityMatrix();
  return gridTable(header, rows, [17, 30, 30, 30]);
}
