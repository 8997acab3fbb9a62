/**
 * Source of the module the example child process loads with `--import` before the example.
 * It is written next to the example in the sandbox directory; it is plain JavaScript (ESM).
 *
 * 1. Fail-safe: if the permission model is not active (or grants fs writes, child processes
 *    or workers), refuse to run the example at all.
 * 2. Best-effort network block: Node 20's permission model does not cover the network, so
 *    the globals and the JS entry points of `net`/`dgram`/`dns` are replaced by functions that
 *    throw, as read-only, non-configurable properties. `http`, `https`, `tls` and `http2`
 *    connect through `net.Socket.prototype.connect`, so they are covered too.
 * 3. `process.kill` is disabled so an example cannot signal the app (or other processes).
 *
 * This is convenience, not a security boundary: see the comment at the top of run-example.ts.
 */
export const PREAMBLE_EXIT_CODE = 70;

export const PREAMBLE_SOURCE = `
import net from 'node:net';
import dgram from 'node:dgram';
import dns from 'node:dns';
import { syncBuiltinESMExports } from 'node:module';

const permission = process.permission;
if (
  !permission ||
  typeof permission.has !== 'function' ||
  permission.has('fs.write') ||
  permission.has('child') ||
  permission.has('worker')
) {
  process.stderr.write('engram: the Node.js permission model is not active; refusing to run the example\\n');
  process.exit(${PREAMBLE_EXIT_CODE});
}

function denied(what) {
  return function denied() {
    const error = new Error(what + ' is disabled in Engram examples');
    error.code = 'ERR_ACCESS_DENIED';
    throw error;
  };
}
function lock(target, key, what) {
  // Keep enumerability: the ESM facades of built-ins export the enumerable keys only.
  const enumerable = Object.getOwnPropertyDescriptor(target, key)?.enumerable ?? false;
  Object.defineProperty(target, key, { value: denied(what), writable: false, configurable: false, enumerable });
}

for (const name of ['fetch', 'WebSocket', 'EventSource', 'XMLHttpRequest']) lock(globalThis, name, name);
lock(net.Socket.prototype, 'connect', 'network access');
lock(net.Server.prototype, 'listen', 'network access');
for (const name of ['bind', 'send', 'connect']) lock(dgram.Socket.prototype, name, 'network access');
for (const name of ['lookup', 'lookupService', 'resolve', 'resolve4', 'resolve6', 'resolveAny', 'resolveCaa',
  'resolveCname', 'resolveMx', 'resolveNaptr', 'resolveNs', 'resolvePtr', 'resolveSoa', 'resolveSrv', 'resolveTxt', 'reverse']) {
  if (name in dns) lock(dns, name, 'DNS');
  if (name in dns.promises) lock(dns.promises, name, 'DNS');
  if (name in dns.Resolver.prototype) lock(dns.Resolver.prototype, name, 'DNS');
  if (name in dns.promises.Resolver.prototype) lock(dns.promises.Resolver.prototype, name, 'DNS');
}
lock(process, 'kill', 'process.kill');
syncBuiltinESMExports();
`;
