/**
 * What W&B's terminal emulator drops: OSC sequences, CSI sequences other than colours (`m`, kept as SGR), and
 * control characters but `\t` (C0, DEL–NBSP, soft hyphen).
 */
const DROPPED = /\x1b\][^\x07]*\x07|\x1b\[[0-9;?]*[A-LN-Za-ln-z]|[\x00-\x08\x0b-\x1a\x1c-\x1f\x7f-\xa0\xad]/g;

/**
 * What one console line shows in W&B (wandb-protocol-2.md §1): the text after its last `\r` (a trailing `\r`
 * only returns the cursor, so a progress bar redrawn with `\r` shows its last state), control characters dropped.
 */
export function visibleText(raw: string): string {
  const text = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
  const cr = text.lastIndexOf('\r');
  return (cr >= 0 ? text.slice(cr + 1) : text).replace(DROPPED, '');
}

/** Raw console output (as `output_raw` records hold it) as W&B's Logs tab shows it: `visibleText` of each line. */
export function visibleConsole(raw: string): string {
  return raw.split('\n').map(visibleText).join('\n');
}
