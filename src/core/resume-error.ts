/**
 * `init({ resume })` cannot do what the mode asks: `must` and there is no earlier run with this id, or `never`
 * and there is one (W&B's `UsageError`). `init()` rejects with it before any row is logged; `refusals` name
 * each backend's reason.
 */
export class ResumeError extends Error {
  constructor(readonly refusals: readonly string[]) {
    super(`cannot start the run as asked by \`resume\`:\n${refusals.map((r) => `  - ${r}`).join('\n')}`);
    this.name = 'ResumeError';
  }
}
