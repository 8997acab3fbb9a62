/**
 * node:crypto, loaded on first use: importing it costs about 10 ms at start-up (it pulls in
 * pbkdf2, hkdf and key handling), and the review's first frame never hashes or draws a random
 * id. Modules on that path (the sync log, auto-sync) call nodeCrypto() where they need it.
 */
import { createRequire } from 'node:module';

type Crypto = typeof import('node:crypto');

const load = createRequire(import.meta.url);
let crypto: Crypto | undefined;

export function nodeCrypto(): Crypto {
  return (crypto ??= load('node:crypto') as Crypto);
}
