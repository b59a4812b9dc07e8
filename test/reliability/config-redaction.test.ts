import { describe, expect, it } from 'vitest';
import { isSecretConfigKey, REDACTED, redactConfig } from '../../src/core/run-info.js';

describe('config redaction', () => {
  it('redacts credential keys at any depth and strings holding the API key; keeps hyper-parameters', () => {
    for (const key of [
      'api_key',
      'apiKey',
      'API-KEY',
      'apikey',
      'password',
      'db_passwd',
      'clientSecret',
      'secret_key',
      'token',
      'auth_token',
      'hfToken',
      'accessToken',
      'credentials',
    ]) {
      expect(isSecretConfigKey(key), key).toBe(true);
    }
    for (const key of [
      'max_tokens',
      'pad_token',
      'eos_token',
      'tokenizer',
      'num_tokens',
      'key_dim',
      'keys',
      'lr',
      'secretary_bird',
    ]) {
      expect(isSecretConfigKey(key), key).toBe(false);
    }
    const key = 'k'.repeat(40);
    const config = {
      lr: 0.1,
      max_tokens: 512,
      model: { name: 'gpt', api: { apiKey: 'sk-123' }, layers: [{ token: 'x' }, 4] },
      note: `run with ${key}`,
      password: null,
      secret: { nested: 1 },
    };
    expect(redactConfig(config, [key])).toEqual({
      lr: 0.1,
      max_tokens: 512,
      model: { name: 'gpt', api: { apiKey: REDACTED }, layers: [{ token: REDACTED }, 4] },
      note: REDACTED,
      password: null,
      secret: REDACTED,
    });
    // The input is not modified.
    expect(config.model.api.apiKey).toBe('sk-123');
  });
});
