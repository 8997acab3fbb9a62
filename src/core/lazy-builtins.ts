/**
 * Node built-in modules the review's first frame does not use, loaded on first use: importing
 * node:crypto costs about 6 ms at start-up (it pulls in pbkdf2, hkdf and key handling) and
 * node:zlib about 4 ms. Modules on that path (the sync log, auto-sync, media files, the sixel
 * encoder) call these where they hash, draw a random id or inflate a picture.
 */
import { createRequire } from 'node:module';

type Crypto = typeof import('node:crypto');
type Zlib = typeof import('node:zlib');

const load = createRequire(import.meta.url);
let crypto: Crypto | undefined;
let zlib: Zlib | undefined;

export function nodeCrypto(): Crypto {
  return (crypto ??= load('node:crypto') as Crypto);
}

export function nodeZlib(): Zlib {
  return (zlib ??= load('node:zlib') as Zlib);
}
