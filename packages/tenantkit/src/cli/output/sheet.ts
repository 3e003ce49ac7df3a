/**
 * What a command prints, apart from the form: a `Sheet` of rows (with column names, or a list of
 * field/value pairs), rendered as a table for people (cli-table3, no colour, so it reads the same
 * anywhere) or as TSV for scripts. Provider text is escaped in both: it must not drive a terminal,
 * and in TSV a tab or line break inside a value must not make a new column or row.
 */
import Table from 'cli-table3';
import { printable } from './printable.js';

export interface Sheet {
  /** Column names. Without them the sheet is a list of `[field, value]` rows. */
  head?: string[];
  rows: unknown[][];
  /** Fixed column widths for the table (its cells wrap); by default each column fits its text. */
  colWidths?: number[];
}

const EMPTY = '—';
const plain = { head: [], border: [] };
/** One line per row: no rule between rows (a sheet with fixed widths keeps them: its cells wrap). */
const compact = { mid: '', 'left-mid': '', 'mid-mid': '', 'right-mid': '' };

/** A field list leaves out the fields the provider left empty; the id and name are always there. */
const shown = (rows: unknown[][]) =>
  rows.filter(([, value]) => value !== undefined && value !== '');

export function renderTable(sheet: Sheet): string {
  if (!sheet.head) {
    const table = new Table({ style: plain, chars: compact, wordWrap: true, colWidths: [16, 64] });
    for (const [key, value] of shown(sheet.rows)) table.push({ [String(key)]: tableCell(value) });
    return table.toString();
  }
  const table = new Table({
    head: sheet.head,
    style: plain,
    wordWrap: true,
    ...(sheet.colWidths ? { colWidths: sheet.colWidths } : { chars: compact }),
  });
  for (const row of sheet.rows) table.push(row.map(tableCell));
  return table.toString();
}

/** TSV: a line of column names first (a field list has none), then one line per row. */
export function renderTsv(sheet: Sheet): string {
  const rows = sheet.head ? sheet.rows : shown(sheet.rows);
  return [...(sheet.head ? [sheet.head] : []), ...rows].map(tsvLine).join('\n');
}

export function tsvLine(row: readonly unknown[]): string {
  return row.map(tsvCell).join('\t');
}

export function tableCell(value: unknown): string {
  if (value === undefined || value === null || value === '') return EMPTY;
  return printable(text(value));
}

/**
 * A TSV field: empty when there is nothing; a backslash, tab, line feed and carriage return
 * written `\\`, `\t`, `\n`, `\r` (the common TSV escapes), every other control character as a
 * visible `\u{…}` like everywhere else.
 */
export function tsvCell(value: unknown): string {
  if (value === undefined || value === null) return '';
  const escaped = text(value).replace(
    /[\\\t\n\r]/g,
    (char) => ({ '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' })[char] as string,
  );
  return printable(escaped);
}

function text(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

/** A table of rows under column names (the tenant-sync summary and other fixed layouts). */
export function gridTable(head: string[], rows: unknown[][], colWidths?: number[]): string {
  return renderTable({ head, rows, ...(colWidths && { colWidths }) });
}
