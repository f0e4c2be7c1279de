/**
 * The weekly summary export: a PNG of the board as it looks (html-to-image)
 * and a CSV of its numbers (summary-csv.ts), downloaded by the browser.
 */
import { format } from 'date-fns';
import { toPng } from 'html-to-image';
import type { BoardModel } from '../../../../core/metrics/board';
import { summaryCsv } from './summary-csv';

function download(href: string, name: string): void {
  const a = document.createElement('a');
  a.href = href;
  a.download = name;
  a.click();
}

const stamp = (board: BoardModel) => `${format(board.query.now, 'yyyy-MM-dd')}-${board.query.windowDays}d`;

export async function exportPng(node: HTMLElement, board: BoardModel): Promise<void> {
  const background = getComputedStyle(document.documentElement).getPropertyValue('--bg').trim() || '#ffffff';
  // Leave out the controls: the picture is the figures, not the buttons.
  const url = await toPng(node, {
    backgroundColor: background,
    pixelRatio: 1,
    filter: (el) => !(el instanceof HTMLElement && el.dataset.exportSkip === 'true'),
  });
  download(url, `wallboard-${stamp(board)}.png`);
}

export function exportCsv(board: BoardModel, squadName: string): void {
  const url = URL.createObjectURL(new Blob([summaryCsv(board, squadName)], { type: 'text/csv' }));
  download(url, `wallboard-${stamp(board)}.csv`);
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
