import { describe, expect, it } from 'vitest';
import { withPlainEnv } from '../../src/extract/plain-env.js';

describe('withPlainEnv', () => {
  it('shows only compromise’s debug switches while fn runs, and puts the real process.env back', () => {
    const real = process.env;
    process.env.DEBUG_TAGS = '';
    try {
      const seen = withPlainEnv(() => ({ env: process.env, same: process.env === real, path: process.env.PATH }));
      expect(seen.same).toBe(false);
      expect(seen.path).toBeUndefined();
      expect(seen.env).toEqual({ DEBUG_TAGS: '' });
      expect(process.env).toBe(real);
    } finally {
      delete process.env.DEBUG_TAGS;
    }
  });

  it('puts the real process.env back when fn throws', () => {
    const real = process.env;
    expect(() =>
      withPlainEnv(() => {
        throw new Error('boom');
      }),
    ).toThrow('boom');
    expect(process.env).toBe(real);
  });
});
