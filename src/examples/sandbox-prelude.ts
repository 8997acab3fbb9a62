/**
 * JavaScript evaluated inside each fresh QuickJS context before the example: it defines
 * `console` (over the one host function the sandbox exposes, which only appends text to the
 * captured output) and a `require` that explains why there is none. It is a function
 * expression, called with the host function, so nothing else reaches the global object.
 */
export const IMPORTS_UNAVAILABLE = 'imports are not available in examples';

export const PRELUDE_SOURCE = String.raw`(function (write) {
  'use strict';
  const MAX_DEPTH = 2;
  const MAX_ITEMS = 100;
  const LINE_WIDTH = 80;

  function key(k) {
    return /^[A-Za-z_$][\w$]*$/.test(k) ? k : JSON.stringify(k);
  }
  function quote(s) {
    return "'" + s.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\n/g, '\\n') + "'";
  }
  function wrap(open, parts, close, indent) {
    if (parts.length === 0) return open + close;
    const flat = open + ' ' + parts.join(', ') + ' ' + close;
    if (flat.length <= LINE_WIDTH && flat.indexOf('\n') === -1) return flat;
    const pad = '  '.repeat(indent + 1);
    return open + '\n' + pad + parts.join(',\n' + pad) + '\n' + '  '.repeat(indent) + close;
  }
  function entries(list, total, show) {
    const parts = list.slice(0, MAX_ITEMS).map(show);
    if (total > MAX_ITEMS) parts.push('... ' + (total - MAX_ITEMS) + ' more items');
    return parts;
  }
  function inspect(v, depth, seen) {
    switch (typeof v) {
      case 'string': return depth === 0 ? v : quote(v);
      case 'number': return Object.is(v, -0) ? '-0' : String(v);
      case 'bigint': return v + 'n';
      case 'symbol': return v.toString();
      case 'undefined': return 'undefined';
      case 'boolean': return String(v);
      case 'function': return '[Function: ' + (v.name || '(anonymous)') + ']';
    }
    if (v === null) return 'null';
    if (seen.indexOf(v) !== -1) return '[Circular]';
    if (v instanceof Error) return v.stack ? v.name + ': ' + v.message + '\n' + v.stack.replace(/\n$/, '') : String(v);
    if (v instanceof Date) return isNaN(v.getTime()) ? 'Invalid Date' : v.toISOString();
    if (v instanceof RegExp) return String(v);
    if (v instanceof Promise) return 'Promise {}';
    const inner = seen.concat([v]);
    const show = (x) => inspect(x, depth + 1, inner);
    if (Array.isArray(v) || ArrayBuffer.isView(v)) {
      if (depth > MAX_DEPTH) return '[Array]';
      const prefix = Array.isArray(v) ? '' : v.constructor.name + '(' + v.length + ') ';
      return prefix + wrap('[', entries(Array.from(v), v.length, show), ']', depth);
    }
    if (v instanceof Map) {
      if (depth > MAX_DEPTH) return '[Map]';
      const list = Array.from(v);
      return 'Map(' + v.size + ') ' + wrap('{', entries(list, list.length, (e) => show(e[0]) + ' => ' + show(e[1])), '}', depth);
    }
    if (v instanceof Set) {
      if (depth > MAX_DEPTH) return '[Set]';
      const list = Array.from(v);
      return 'Set(' + v.size + ') ' + wrap('{', entries(list, list.length, show), '}', depth);
    }
    if (depth > MAX_DEPTH) return '[Object]';
    const proto = Object.getPrototypeOf(v);
    const name = proto === null ? '[Object: null prototype] ' : proto !== Object.prototype && proto.constructor && proto.constructor.name ? proto.constructor.name + ' ' : '';
    const keys = Object.keys(v);
    return name + wrap('{', entries(keys, keys.length, (k) => key(k) + ': ' + show(v[k])), '}', depth);
  }
  function format(args) {
    return args.map((a) => inspect(a, 0, [])).join(' ') + '\n';
  }
  const out = (...args) => { write(1, format(args)); };
  const err = (...args) => { write(2, format(args)); };
  globalThis.console = Object.freeze({ log: out, info: out, debug: out, warn: err, error: err });
  globalThis.require = function require() { throw new Error(${JSON.stringify(IMPORTS_UNAVAILABLE)}); };
})`;
