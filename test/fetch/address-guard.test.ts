// The SSRF guard's ranges and its checks on URLs (IP literals) and on resolved names.
import { describe, expect, it } from 'vitest';
import { BlockedAddressError } from '../../src/errors.js';
import { assertHostAllowed, guardedLookup, isBlockedAddress } from '../../src/fetch/address-guard.js';

describe('isBlockedAddress', () => {
  it.each([
    '127.0.0.1',
    '127.255.255.254',
    '10.0.0.1',
    '10.255.255.255',
    '172.16.0.1',
    '172.31.255.255',
    '192.168.0.1',
    '169.254.169.254',
    '100.64.0.1',
    '0.0.0.0',
    '224.0.0.1',
    '255.255.255.255',
    '192.0.2.10',
    '198.18.0.1',
    '::1',
    '::',
    'fe80::1',
    'fe80::1%eth0',
    'fc00::1',
    'fd12:3456::1',
    'ff02::1',
    '::ffff:127.0.0.1',
    '::ffff:7f00:1',
    '::ffff:10.0.0.1',
    '::ffff:a9fe:a9fe',
    '64:ff9b::a9fe:a9fe',
    '2002:7f00:1::',
    '[::1]',
  ])('%s is blocked', (ip) => {
    expect(isBlockedAddress(ip)).toBe(true);
  });
  // IPv4 hidden in IPv6 forms: IPv4-compatible, SIIT (::ffff:0:0/96), NAT64 local-use prefix,
  // and the special ranges a hand-written list tends to miss.
  it.each([
    '::7f00:1',
    '[::7f00:1]',
    '::127.0.0.1',
    '::a00:1',
    '::ffff:0:7f00:1',
    '::ffff:0:10.0.0.1',
    '64:ff9b:1::1',
    '64:ff9b:1:ffff::8.8.8.8',
    '64:ff9b::7f00:1',
    '2001:0:4136:e378:8000:63bf:3fff:fdd2',
    '2001:2::1',
    '192.88.99.1',
    '3fff::1',
    '5f00::1',
  ])('%s is blocked (embedded or special-purpose)', (ip) => {
    expect(isBlockedAddress(ip)).toBe(true);
  });
  it.each([
    '8.8.8.8',
    '1.1.1.1',
    '93.184.216.34',
    '172.15.255.255',
    '172.32.0.1',
    '100.128.0.1',
    '2606:4700:4700::1111',
    '2a00:1450:4001::200e',
    '::ffff:8.8.8.8',
    '64:ff9b::808:808',
    '2002:808:808::1',
  ])('%s is public', (ip) => {
    expect(isBlockedAddress(ip)).toBe(false);
  });
});

describe('assertHostAllowed', () => {
  it.each([
    'http://127.0.0.1/',
    'http://2130706433/',
    'http://0x7f.1/',
    'http://[::1]:8080/',
    'http://[::ffff:127.0.0.1]/',
    'http://169.254.169.254/latest/meta-data/',
    'http://0/',
  ])('refuses %s', (url) => {
    expect(() => assertHostAllowed(new URL(url), false)).toThrow(BlockedAddressError);
    expect(() => assertHostAllowed(new URL(url), true)).not.toThrow();
  });
  it.each(['http://[::7f00:1]/', 'http://[::ffff:0:7f00:1]/', 'http://[64:ff9b:1::a9fe:a9fe]/'])('refuses %s (IPv4 inside IPv6)', (url) => {
    expect(() => assertHostAllowed(new URL(url), false)).toThrow(BlockedAddressError);
  });
  it('says what the address is and how to allow private addresses', () => {
    let err: unknown;
    try {
      assertHostAllowed(new URL('http://[::ffff:10.0.0.1]/x'), false);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(BlockedAddressError);
    expect((err as Error).message).toContain('ipv4Mapped→private');
    expect((err as Error).message).toContain('GLEANER_ALLOW_PRIVATE=1');
  });
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
