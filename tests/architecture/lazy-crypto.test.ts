/**
 * node:crypto loads on first use (src/core/lazy-crypto.ts), so the review's first frame does
 * not pay for it: the lazily loaded module is node:crypto itself, and the hashes and ids made
 * through it are the ones node:crypto makes.
 */
import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { nodeCrypto } from '../../src/core/index.js';

describe('nodeCrypto', () => {
  it('is node:crypto, loaded once', () => {
    expect(nodeCrypto()).toBe(nodeCrypto());
    expect(nodeCrypto().createHash).toBe(crypto.createHash);
    expect(nodeCrypto().createHash('sha256').update('engram').digest('hex')).toBe(crypto.createHash('sha256').update('engram').digest('hex'));
    expect(nodeCrypto().randomUUID()).toMatch(/^[0-9a-f-]{36}$/);
  });
});
