/**
 * A list printed as it arrives, batch by batch, in the chosen format — with the same bytes the
 * whole list printed at once would have: the JSON array of `JSON.stringify(list, null, 2)`, TSV
 * lines under one line of column names, or one table whose column widths are set by the first
 * batch (later cells wrap within them).
 */
import Table from 'cli-table3';
import type { OutputFormat } from '../global-flags.js';
import { tableCell, tsvLine } from './sheet.js';

export interface ListPrinter<T> {
  add(items: readonly T[]): void;
  /** After the last batch (or a failure): closes the table; a JSON array only when complete. */
  end(complete: boolean): void;
}

export function listPrinter<T>(
  format: OutputFormat,
  write: (text: string) => void,
  columns: { head: string[]; row(item: T): unknown[]; json?(item: T): unknown },
): ListPrinter<T> {
  if (format === 'json') return jsonPrinter(write, columns.json ?? ((item) => item));
  if (format === 'tsv') {
    let started = false;
    const start = () => {
      if (!started) write(`${tsvLine(columns.head)}\n`);
      started = true;
    };
    return {
      add(items) {
        start();
        for (const item of items) write(`${tsvLine(columns.row(item))}\n`);
      },
      end: start,
    };
  }
  return tablePrinter(write, columns.head, columns.row);
}

function jsonPrinter<T>(write: (text: string) => void, json: (item: T) => unknown): ListPrinter<T> {
  let count = 0;
  return {
    add(items) {
      for (const item of items) {
        const text = JSON.stringify(json(item), null, 2).replace(/\n/g, '\n  ');
        write(`${count === 0 ? '[\n' : ',\n'}  ${text}`);
        count++;
      }
    },
    end(complete) {
      if (complete) write(count === 0 ? '[]\n' : '\n]\n');
      else if (count > 0) write('\n');
    },
  };
}

const compact = { mid: '', 'left-mid': '', 'mid-mid': '', 'right-mid': '' };
const plain = { head: [], border: [] };

function tablePrinter<T>(
  write: (text: string) => void,
  head: string[],
  row: (item: T) => unknown[],
): ListPrinter<T> {
  let colWidths: number[] | undefined;
  /** The bottom border of what is printed, held back until the table is over. */
  let bottom: string | undefined;
  const render = (items: readonly T[], withHead: boolean) => {
    const table = new Table({
      ...(withHead && { head }),
      style: plain,
      chars: compact,
      wordWrap: true,
      ...(colWidths && { colWidths }),
    });
    for (const item of items) table.push(row(item).map(tableCell));
    return table.toString().split('\n');
  };
  return {
    add(items) {
      if (items.length === 0) return;
      if (colWidths === undefined) {
        const lines = render(items, true);
        // Each column as wide as the first batch made it (cli-table3 counts the padding).
        colWidths = (lines[0] ?? '')
          .slice(1, -1)
          .split('┬')
          .map((segment) => segment.length);
        bottom = lines.pop();
        write(`${lines.join('\n')}\n`);
        return;
      }
      const lines = render(items, false);
      write(`${lines.slice(1, -1).join('\n')}\n`);
    },
    end() {
      if (colWidths === undefined) write(`${render([], true).join('\n')}\n`);
      else if (bottom !== undefined) write(`${bottom}\n`);
      bottom = undefined;
    },
  };
}
