import { describe, expect, it } from 'vitest';
import type { WandbCredentials } from '../../../src/trackers/wandb/credentials.js';
import { resolveWandbMode } from '../../../src/trackers/wandb/wandb-mode.js';

const withKey: WandbCredentials = {
  baseUrl: 'https://api.wandb.ai',
  apiKey: 'secret-key',
  apiKeySource: 'WANDB_API_KEY',
  insecureWarning: undefined,
};
const withoutKey: WandbCredentials = { ...withKey, apiKey: undefined, apiKeySource: undefined };

function never(): WandbCredentials {
  throw new Error('credentials must not be looked up');
}

describe('resolveWandbMode', () => {
  it('keeps disabled and offline as asked, without looking for credentials', () => {
    expect(resolveWandbMode('disabled', never)).toEqual({
      mode: 'disabled',
      credentials: undefined,
      note: undefined,
    });
    expect(resolveWandbMode('offline', never)).toEqual({
      mode: 'offline',
      credentials: undefined,
      note: undefined,
    });
  });

  it('goes online for auto and online when a key is found, with those credentials', () => {
    for (const requested of ['auto', 'online'] as const) {
      const decision = resolveWandbMode(requested, () => withKey);
      expect(decision).toEqual({ mode: 'online', credentials: withKey, note: undefined });
    }
  });

  it('falls back to offline without a key: silently for auto, with a note for an explicit online', () => {
    expect(resolveWandbMode('auto', () => withoutKey)).toEqual({
      mode: 'offline',
      credentials: undefined,
      note: undefined,
    });
    const online = resolveWandbMode('online', () => withoutKey);
    expect(online.mode).toBe('offline');
    expect(online.note).toContain('no API key was found');
    expect(online.note).toContain('WANDB_API_KEY');
  });

  it('falls back to offline with a note naming the problem when the base URL does not parse', () => {
    for (const requested of ['auto', 'online'] as const) {
      const decision = resolveWandbMode(requested, () => {
        throw new TypeError('W&B base URL must be http(s), got ftp:');
      });
      expect(decision.mode).toBe('offline');
      expect(decision.credentials).toBeUndefined();
      expect(decision.note).toBe(
        'W&B base URL is invalid (W&B base URL must be http(s), got ftp:); writing the run offline',
      );
    }
  });
});
