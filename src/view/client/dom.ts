/// <reference lib="dom" />
/**
 * The only way the page makes DOM: elements with properties and children, children as text nodes. Nothing here
 * parses markup, so a tag, run name or cell from a log shows as the characters it is.
 */
export type Child = Node | string | number | null | undefined | false;

export interface ElementProps {
  className?: string;
  title?: string;
  type?: string;
  value?: string;
  placeholder?: string;
  checked?: boolean;
  colSpan?: number;
  open?: boolean;
  onclick?: (event: MouseEvent) => void;
  oninput?: (event: Event) => void;
  onchange?: (event: Event) => void;
}

export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: ElementProps = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  Object.assign(node, props);
  append(node, children);
  return node;
}

export function append(parent: Node, children: readonly Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    parent.appendChild(typeof child === 'object' ? child : document.createTextNode(String(child)));
  }
}

/** Schemes a link from a log may use; anything else (`javascript:`, `data:`) is shown as plain text. */
const SAFE_SCHEMES = new Set(['http:', 'https:', 'mailto:']);

export function safeLink(href: string, text: string): HTMLElement {
  let url: URL | undefined;
  try {
    url = new URL(href, 'http://invalid.invalid/');
  } catch {
    url = undefined;
  }
  if (url === undefined || !SAFE_SCHEMES.has(url.protocol) || url.host === 'invalid.invalid') {
    return el('span', { title: href }, text);
  }
  const a = el('a', {}, text);
  a.href = url.href;
  a.rel = 'noopener noreferrer nofollow';
  a.target = '_blank';
  return a;
}

export function clear(node: Node): void {
  while (node.firstChild) node.removeChild(node.firstChild);
}

export function formatNumber(value: unknown): string {
  if (typeof value !== 'number') return value === null || value === undefined ? '' : String(value);
  if (!Number.isFinite(value)) return String(value);
  if (Number.isInteger(value)) return String(value);
  return String(Number(value.toPrecision(6)));
}

export function formatDuration(seconds: number | null): string {
  if (seconds === null) return '';
  if (seconds < 60) return `${seconds.toFixed(1)} s`;
  if (seconds < 3600) return `${Math.floor(seconds / 60)} min ${Math.round(seconds % 60)} s`;
  return `${Math.floor(seconds / 3600)} h ${Math.round((seconds % 3600) / 60)} min`;
}

/** A table whose columns sort on click (numbers numerically). */
export function sortableTable(
  columns: readonly string[],
  rows: readonly unknown[][],
  rowClass?: (row: readonly unknown[]) => string,
): HTMLTableElement {
  const table = el('table');
  let sortColumn = -1;
  let descending = false;
  const body = el('tbody');
  const render = (): void => {
    clear(body);
    const sorted = [...rows];
    if (sortColumn >= 0) {
      sorted.sort((a, b) => compare(a[sortColumn], b[sortColumn]) * (descending ? -1 : 1));
    }
    for (const row of sorted) {
      const tr = el('tr', { className: rowClass?.(row) ?? '' });
      for (const cell of row) {
        tr.appendChild(el('td', { className: typeof cell === 'number' ? 'num' : '' }, cellText(cell)));
      }
      body.appendChild(tr);
    }
  };
  const head = el('tr');
  columns.forEach((name, i) => {
    head.appendChild(
      el(
        'th',
        {
          className: 'sortable',
          title: 'sort',
          onclick: () => {
            descending = sortColumn === i ? !descending : false;
            sortColumn = i;
            render();
          },
        },
        name,
      ),
    );
  });
  table.append(el('thead', {}, head), body);
  render();
  return table;
}

function cellText(cell: unknown): string {
  if (typeof cell === 'number') return formatNumber(cell);
  if (cell !== null && typeof cell === 'object') return JSON.stringify(cell);
  return cell === null || cell === undefined ? '' : String(cell);
}

function compare(a: unknown, b: unknown): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (a === undefined || a === null) return 1;
  if (b === undefined || b === null) return -1;
  return String(a).localeCompare(String(b), undefined, { numeric: true });
}
