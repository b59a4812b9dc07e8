/// <reference lib="dom" />
import { type Child, el, safeLink } from './dom.js';

/**
 * A small Markdown renderer that builds DOM nodes (headings, paragraphs, lists, code blocks, tables, emphasis,
 * inline code, links). It never produces markup: raw HTML in the text shows as text, and links keep only
 * http(s)/mailto targets (`safeLink`).
 */
export function renderMarkdown(text: string): HTMLElement {
  const root = el('div', { className: 'md' });
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  let i = 0;
  while (i < lines.length) {
    const line = lines[i]!;
    if (line.trim() === '') {
      i++;
    } else if (line.startsWith('```')) {
      const code: string[] = [];
      for (i++; i < lines.length && !lines[i]!.startsWith('```'); i++) code.push(lines[i]!);
      i++;
      root.appendChild(el('pre', {}, code.join('\n')));
    } else if (/^#{1,6}\s/.test(line)) {
      const level = Math.min(6, line.indexOf(' ') + 2);
      root.appendChild(el(`h${level}` as 'h3', {}, ...inline(line.replace(/^#+\s*/, ''))));
      i++;
    } else if (isTableStart(lines, i)) {
      i = renderTable(lines, i, root);
    } else if (/^\s*([-*+]|\d+\.)\s/.test(line)) {
      const ordered = /^\s*\d+\./.test(line);
      const list = el(ordered ? 'ol' : 'ul');
      for (; i < lines.length && /^\s*([-*+]|\d+\.)\s/.test(lines[i]!); i++) {
        list.appendChild(el('li', {}, ...inline(lines[i]!.replace(/^\s*([-*+]|\d+\.)\s/, ''))));
      }
      root.appendChild(list);
    } else {
      const paragraph: string[] = [];
      for (; i < lines.length && lines[i]!.trim() !== '' && !isBlockStart(lines, i); i++)
        paragraph.push(lines[i]!);
      if (paragraph.length === 0) paragraph.push(lines[i++]!);
      root.appendChild(el('p', {}, ...inline(paragraph.join(' '))));
    }
  }
  return root;
}

function isBlockStart(lines: readonly string[], i: number): boolean {
  const line = lines[i]!;
  return (
    line.startsWith('```') ||
    /^#{1,6}\s/.test(line) ||
    isTableStart(lines, i) ||
    /^\s*([-*+]|\d+\.)\s/.test(line)
  );
}

function isTableStart(lines: readonly string[], i: number): boolean {
  return /^\s*\|/.test(lines[i]!) && /^\s*\|?(\s*:?-{3,}:?\s*\|)+\s*:?-*:?\s*$/.test(lines[i + 1] ?? '');
}

function splitCells(line: string): string[] {
  const trimmed = line.trim().replace(/^\|/, '').replace(/\|$/, '');
  const cells: string[] = [];
  let current = '';
  for (let i = 0; i < trimmed.length; i++) {
    const c = trimmed[i]!;
    if (c === '\\' && i + 1 < trimmed.length) current += trimmed[++i];
    else if (c === '|') {
      cells.push(current.trim());
      current = '';
    } else current += c;
  }
  cells.push(current.trim());
  return cells;
}

function renderTable(lines: readonly string[], start: number, root: HTMLElement): number {
  const table = el('table');
  table.appendChild(
    el('thead', {}, el('tr', {}, ...splitCells(lines[start]!).map((c) => el('th', {}, ...inline(c))))),
  );
  const body = el('tbody');
  let i = start + 2;
  for (; i < lines.length && /^\s*\|/.test(lines[i]!); i++) {
    body.appendChild(el('tr', {}, ...splitCells(lines[i]!).map((c) => el('td', {}, ...inline(c)))));
  }
  table.appendChild(body);
  root.appendChild(table);
  return i;
}

const INLINE = /(`[^`]+`)|(\*\*[^*]+\*\*)|(\*[^*\s][^*]*\*)|(\[[^\]]*\]\([^)\s]*\))/;

/** Inline spans as nodes: `code`, **bold**, *italic*, [text](url); everything else as text. */
export function inline(text: string): Child[] {
  const out: Child[] = [];
  let rest = text;
  while (rest.length > 0) {
    const match = INLINE.exec(rest);
    if (match === null) {
      out.push(rest);
      break;
    }
    if (match.index > 0) out.push(rest.slice(0, match.index));
    const token = match[0];
    if (match[1]) out.push(el('code', {}, token.slice(1, -1)));
    else if (match[2]) out.push(el('strong', {}, ...inline(token.slice(2, -2))));
    else if (match[3]) out.push(el('em', {}, ...inline(token.slice(1, -1))));
    else {
      const close = token.indexOf('](');
      out.push(safeLink(token.slice(close + 2, -1), token.slice(1, close)));
    }
    rest = rest.slice(match.index + token.length);
  }
  return out;
}
