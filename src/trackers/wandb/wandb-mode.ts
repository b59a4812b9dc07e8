import type { WandbOptions } from '../../core/options.js';
import type { WandbCredentials } from './credentials.js';

export type WandbEffectiveMode = 'online' | 'offline' | 'disabled';

/** The mode a W&B run runs in, and why when it is not the one asked for. */
export interface WandbModeDecision {
  readonly mode: WandbEffectiveMode;
  /** Set when online: the key, base URL and a plain-http warning. */
  readonly credentials: WandbCredentials | undefined;
  /** A warning for the user when the run falls back to offline (no key for `online`, a bad base URL). */
  readonly note: string | undefined;
}

/**
 * Decides the mode from the requested one: `disabled` and `offline` as asked; `online` and `auto` go online
 * when `resolveCredentials` finds an API key, else offline (with a note when `online` was asked for explicitly).
 * A base URL that does not parse also falls back to offline. Pure: credentials come from the caller.
 */
export function resolveWandbMode(
  requested: WandbOptions['mode'],
  resolveCredentials: () => WandbCredentials,
): WandbModeDecision {
  if (requested === 'disabled' || requested === 'offline') {
    return { mode: requested, credentials: undefined, note: undefined };
  }
  let credentials: WandbCredentials;
  try {
    credentials = resolveCredentials();
  } catch (error) {
    const note = `W&B base URL is invalid (${(error as Error).message}); writing the run offline`;
    return { mode: 'offline', credentials: undefined, note };
  }
  if (credentials.apiKey === undefined) {
    const note =
      requested === 'online'
        ? 'wandb.mode is online but no API key was found (option apiKey, WANDB_API_KEY or ~/.netrc); writing the run offline'
        : undefined;
    return { mode: 'offline', credentials: undefined, note };
  }
  return { mode: 'online', credentials, note: undefined };
}
