import { describe, expect, it } from 'vitest';
import { checkHost, isPrivateAddress, RefusedAddressError } from '../src/webhooks/address';
import { retryDelayMs } from '../src/webhooks/deliver';
import { signatureHeader } from '../src/webhooks/signing';

describe('addresses a webhook may not reach', () => {
  it('refuses loopback, private, link-local, metadata and mapped forms of them', () => {
    for (const address of [
      '127.0.0.1',
      '127.8.9.10',
      '10.0.0.1',
      '172.16.5.4',
      '172.31.255.255',
      '192.168.1.1',
      '169.254.169.254',
      '100.64.0.1',
      '0.0.0.0',
      '255.255.255.255',
      '::1',
      '::',
      'fe80::1',
      'fd00::1',
      'fc12:3456::1',
      '::ffff:127.0.0.1',
      '::ffff:7f00:1',
      '::ffff:10.0.0.1',
      '::127.0.0.1',
      '::7f00:1',
      '::ffff:0:7f00:1',
      '0:0:0:0:0:ffff:7f00:0001',
      '64:ff9b::a00:1',
      'ff02::1',
      '[::1]',
      'not-an-address',
    ])
      expect(isPrivateAddress(address), address).toBe(true);
  });

  it('lets public addresses through', () => {
    for (const address of [
      '93.184.215.14',
      '1.1.1.1',
      '172.32.0.1',
      '2606:4700::1111',
      '::ffff:1.1.1.1',
    ])
      expect(isPrivateAddress(address), address).toBe(false);
  });

  it('checks every address a name resolves to, unless private ones are allowed', async () => {
    await expect(checkHost('localhost', false)).rejects.toBeInstanceOf(RefusedAddressError);
    await expect(checkHost('127.0.0.1', false)).rejects.toBeInstanceOf(RefusedAddressError);
    await expect(checkHost('localhost', true)).resolves.toBeUndefined();
    await expect(checkHost('93.184.215.14', false)).resolves.toBeUndefined();
  });
});

describe('signing and retrying', () => {
  it('signs "<t>.<body>" with HMAC-SHA256 as t=...,v1=<hex>', () => {
    // Computed independently: printf '1700000000.{"a":1}' | openssl dgst -sha256 -hmac whsec_test
    expect(signatureHeader('whsec_test', '{"a":1}', new Date(1_700_000_000_500))).toBe(
      't=1700000000,v1=38877139021993b830af32feea6e18a8da83eb2f6e49ee50bd9e4cf4ca4d3789',
    );
  });

  it('backs off by doubling, up to the maximum', () => {
    const config = {
      allowPrivate: false,
      timeoutMs: 10_000,
      retryBaseMs: 10_000,
      retryMaxMs: 3_600_000,
      retryWindowMs: 86_400_000,
      failingAfter: 5,
      sendsPerOwner: 4,
    };
    expect([1, 2, 3, 4].map((n) => retryDelayMs(config, n))).toEqual([
      10_000, 20_000, 40_000, 80_000,
    ]);
    expect(retryDelayMs(config, 40)).toBe(3_600_000);
  });
});
