import { describe, expect, it } from 'vitest';
import { normalizeAddress, parseTrustedProxies, resolveClientAddress } from './resolve-client-address.mjs';
import { clientAddress } from './client-address';

describe('client address (TRUSTED_PROXIES)', () => {
  const none = parseTrustedProxies(undefined);
  const proxies = parseTrustedProxies('127.0.0.1, 10.0.0.0/8 ::1');

  it('by default trusts no proxy: a forged X-Forwarded-For is ignored', () => {
    expect(resolveClientAddress('203.0.113.7', '6.6.6.6', none)).toBe('203.0.113.7');
    expect(resolveClientAddress('::ffff:127.0.0.1', '6.6.6.6', none)).toBe('127.0.0.1');
  });

  it('behind a trusted proxy takes the right-most address no trusted proxy added', () => {
    expect(resolveClientAddress('127.0.0.1', '198.51.100.4', proxies)).toBe('198.51.100.4');
    // The client prepended a forged entry; the proxy appended the real one.
    expect(resolveClientAddress('10.1.2.3', '6.6.6.6, 198.51.100.4', proxies)).toBe('198.51.100.4');
    // Two trusted hops (an inner proxy at 10.0.0.5): still the client in front of them.
    expect(resolveClientAddress('::1', ['6.6.6.6, 198.51.100.4', '10.0.0.5'], proxies)).toBe('198.51.100.4');
    expect(resolveClientAddress('127.0.0.1', '[2001:db8::1]:443', proxies)).toBe('2001:db8::1');
  });

  it('from an untrusted peer ignores the header whatever it says', () => {
    expect(resolveClientAddress('192.0.2.9', '127.0.0.1, 10.0.0.1', proxies)).toBe('192.0.2.9');
  });

  it('stops at an unreadable entry or an empty header, keeping the last address known for sure', () => {
    expect(resolveClientAddress('127.0.0.1', 'unknown', proxies)).toBe('127.0.0.1');
    expect(resolveClientAddress('127.0.0.1', undefined, proxies)).toBe('127.0.0.1');
    expect(resolveClientAddress('127.0.0.1', 'x, 10.0.0.9', proxies)).toBe('10.0.0.9');
    expect(resolveClientAddress(undefined, '6.6.6.6', proxies)).toBeNull();
  });

  it('refuses a setting it cannot read instead of silently trusting nothing (or everything)', () => {
    for (const bad of ['10.0.0.0/33', 'proxy.local', '10.0.0.1/8/1', '::1/129', '10.0.0.0/x']) {
      expect(() => parseTrustedProxies(bad), bad).toThrow(/TRUSTED_PROXIES/);
    }
    expect(parseTrustedProxies('2001:db8::/32').check('2001:db8:1::5', 'ipv6')).toBe(true);
  });

  it('normalises ports, brackets and IPv4-mapped IPv6', () => {
    expect(normalizeAddress('1.2.3.4:8080')).toBe('1.2.3.4');
    expect(normalizeAddress('[::1]:80')).toBe('::1');
    expect(normalizeAddress('::FFFF:10.0.0.1')).toBe('10.0.0.1');
    expect(normalizeAddress('1.2.3.4; DROP')).toBeNull();
  });

  it('the app reads only the header the server set, never X-Forwarded-For', () => {
    expect(clientAddress(new Headers({ 'x-forwarded-for': '6.6.6.6', 'x-real-ip': '6.6.6.6' }))).toBeNull();
    expect(clientAddress(new Headers({ 'x-hih-client-address': '198.51.100.4' }))).toBe('198.51.100.4');
    expect(clientAddress(new Headers({ 'x-hih-client-address': '<script>' }))).toBeNull();
  });
});
