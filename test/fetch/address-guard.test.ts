// The SSRF guard's ranges and its checks on URLs (IP literals) and on resolved names.
import { describe, expect, it } from 'vitest';
import { BlockedAddressError } from '../../src/errors.js';
import { assertHostAllowed, guardedLookup, isBlockedAddress } from '../../src/fetch/address-guard.js';

describe('isBlockedAddress', () => {
  it.each([
    '127.0.0.1', '127.255.255.254', '10.0.0.1', '10.255.255.255', '172.16.0.1', '172.31.255.255', '192.168.0.1',
    '169.254.169.254', '100.64.0.1', '0.0.0.0', '224.0.0.1', '255.255.255.255', '192.0.2.10', '198.18.0.1',
    '::1', '::', 'fe80::1', 'fe80::1%eth0', 'fc00::1', 'fd12:3456::1', 'ff02::1',
    '::ffff:127.0.0.1', '::ffff:7f00:1', '::ffff:10.0.0.1', '::ffff:a9fe:a9fe', '64:ff9b::a9fe:a9fe', '2002:7f00:1::', '[::1]',
  ])('%s is blocked', (ip) => {
    expect(isBlockedAddress(ip)).toBe(true);
  });
  it.each(['8.8.8.8', '1.1.1.1', '93.184.216.34', '172.15.255.255', '172.32.0.1', '100.128.0.1', '2606:4700:4700::1111', '2a00:1450:4001::200e', '::ffff:8.8.8.8'])(
    '%s is public',
    (ip) => {
      expect(isBlockedAddress(ip)).toBe(false);
    },
  );
});

describe('assertHostAllowed', () => {
  it.each(['http://127.0.0.1/', 'http://2130706433/', 'http://0x7f.1/', 'http://[::1]:8080/', 'http://[::ffff:127.0.0.1]/', 'http://169.254.169.254/latest/meta-data/', 'http://0/'])(
    'refuses %s',
    (url) => {
      expect(() => assertHostAllowed(new URL(url), false)).toThrow(BlockedAddressError);
      expect(() => assertHostAllowed(new URL(url), true)).not.toThrow();
    },
  );
  it('leaves names to the resolver', () => {
    expect(() => assertHostAllowed(new URL('http://localhost/'), false)).not.toThrow();
  });
});

describe('guardedLookup', () => {
  const resolve = (allow: boolean, host: string, all: boolean) =>
    new Promise<{ err: NodeJS.ErrnoException | null; address: unknown; blocked: BlockedAddressError | null }>((done) => {
      let blocked: BlockedAddressError | null = null;
      guardedLookup(allow, `http://${host}/`, (e) => (blocked = e))(host, { all }, (err, address) => done({ err, address, blocked }));
    });
  it('refuses a name that resolves to loopback, with the typed error', async () => {
    for (const all of [true, false]) {
      const r = await resolve(false, 'localhost', all);
      expect(r.err?.code).toBe('E_BLOCKED_ADDRESS');
      expect(r.blocked).toBeInstanceOf(BlockedAddressError);
    }
  });
  it('resolves it when private addresses are allowed', async () => {
    const one = await resolve(true, 'localhost', false);
    expect(one.err).toBeNull();
    expect(isBlockedAddress(one.address as string)).toBe(true);
    const all = await resolve(true, 'localhost', true);
    expect(Array.isArray(all.address)).toBe(true);
  });
});
