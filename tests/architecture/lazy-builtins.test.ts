/**
 * node:crypto and node:zlib load on first use (src/core/lazy-builtins.ts), so the review's first
 * frame does not pay for them: the lazily loaded modules are the built-ins themselves, and what
 * is made through them is what they make.
 */
import crypto from 'node:crypto';
import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { nodeCrypto, nodeZlib } from '../../src/core/index.js';

describe('nodeCrypto', () => {
  it('is node:crypto, loaded once', () => {
    expect(nodeCrypto()).toBe(nodeCrypto());
    expect(nodeCrypto().createHash).toBe(crypto.createHash);
    expect(nodeCrypto().createHash('sha256').update('engram').digest('hex')).toBe(crypto.createHash('sha256').update('engram').digest('hex'));
    expect(nodeCrypto().randomUUID()).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('nodeZlib is node:zlib, loaded once', () => {
    expect(nodeZlib()).toBe(nodeZlib());
    expect(nodeZlib().inflateSync).toBe(zlib.inflateSync);
    expect(nodeZlib().inflateSync(zlib.deflateSync(Buffer.from('engram'))).toString()).toBe('engram');
  });
});
