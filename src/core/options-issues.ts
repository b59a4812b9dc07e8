import type { z } from 'zod';

/** One validation problem: the field's dotted path and why it is wrong (never the value itself). */
export interface OptionsIssue {
  path: string;
  message: string;
}

type ZodIssue = z.core.$ZodIssue;

/** The issues as an indented list, one `  - path: message` line each (`(root)` for the input as a whole). */
export function formatIssues(issues: readonly OptionsIssue[]): string {
  return issues.map((i) => `  - ${i.path || '(root)'}: ${i.message}`).join('\n');
}

/**
 * Turns zod issues into messages that name the field and the reason, never the value (an API key must not
 * reach a log). Unions are resolved to the branch the input was meant for: `wandb: {baseUrl: 'x'}` reports
 * `wandb.baseUrl: must be an http(s) URL` instead of zod's `wandb: Invalid input`.
 */
export function describeIssues(
  issues: readonly ZodIssue[],
  basePath: readonly PropertyKey[] = [],
): OptionsIssue[] {
  const out: OptionsIssue[] = [];
  for (const issue of issues) {
    const path = [...basePath, ...issue.path];
    if (issue.code === 'invalid_union') {
      const branches = issue.errors;
      const specific = pickBranch(branches);
      if (specific !== undefined) {
        out.push(...describeIssues(specific, path));
      } else {
        out.push({ path: joinPath(path), message: `must be ${alternatives(branches)}` });
      }
      continue;
    }
    out.push({ path: joinPath(path), message: describeIssue(issue) });
  }
  return out;
}

/** The branch whose issues are all below its root: the input had the branch's shape but a bad field. */
function pickBranch(branches: readonly (readonly ZodIssue[])[]): readonly ZodIssue[] | undefined {
  let best: readonly ZodIssue[] | undefined;
  for (const branch of branches) {
    if (branch.length === 0) continue;
    const rootFailure = branch.some((i) => i.path.length === 0 && i.code !== 'invalid_union');
    if (!rootFailure && (best === undefined || branch.length < best.length)) best = branch;
  }
  return best;
}

function alternatives(branches: readonly (readonly ZodIssue[])[]): string {
  const names: string[] = [];
  for (const branch of branches) {
    for (const issue of branch) {
      if (issue.path.length !== 0) continue;
      if (issue.code === 'invalid_value') names.push(issue.values.map((v) => JSON.stringify(v)).join(' or '));
      else if (issue.code === 'invalid_type') names.push(article(issue.expected));
    }
  }
  return names.length > 0 ? [...new Set(names)].join(' or ') : 'valid';
}

function describeIssue(issue: ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type': {
      const received = /received (\w+)/.exec(issue.message)?.[1];
      if (received === 'undefined') return 'is required';
      return `must be ${article(issue.expected)}${received === undefined ? '' : ` (got ${article(received)})`}`;
    }
    case 'invalid_value':
      return issue.values.length === 1
        ? `must be ${JSON.stringify(issue.values[0])}`
        : `must be one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
    case 'unrecognized_keys':
      return `unknown option${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => JSON.stringify(k)).join(', ')}`;
    case 'too_small':
      if (issue.message.startsWith('Too small')) {
        return `must be ${issue.inclusive ? 'at least' : 'more than'} ${String(issue.minimum)}${issue.origin === 'array' || issue.origin === 'string' ? (issue.origin === 'array' ? ' items' : ' characters') : ''}`;
      }
      return issue.message;
    case 'too_big':
      if (issue.message.startsWith('Too big')) {
        return `must be ${issue.inclusive ? 'at most' : 'less than'} ${String(issue.maximum)}${issue.origin === 'array' ? ' items' : issue.origin === 'string' ? ' characters' : ''}`;
      }
      return issue.message;
    case 'invalid_format':
      return issue.message.startsWith('Invalid') ? `must be a valid ${issue.format}` : issue.message;
    default:
      return issue.message.startsWith('Invalid input') ? 'is invalid' : issue.message;
  }
}

function article(type: string): string {
  if (type === 'undefined' || type === 'null') return type;
  return /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`;
}

export function joinPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out === '' ? String(part) : `.${String(part)}`;
  }
  return out;
}
