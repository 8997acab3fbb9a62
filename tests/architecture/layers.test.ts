/**
 * Keeps the layering of the README's code map true: every relative import (static, dynamic,
 * type-only or re-export) of every file under src/ must point down the layers, domain modules
 * must not import each other, core imports nothing of ours, and SQL stays in src/store.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/cli.js';

const SRC = path.join(ROOT, 'src');

const DOMAIN = ['notes', 'scheduler', 'examples', 'papers', 'quiz', 'stats', 'interop', 'query', 'sync'];

/**
 * What each layer may import besides its own files: `cli` → `tui` → `present` → `collection`
 * → domain and `store` → `core`. The user-facing layers reach the domain only through
 * `collection`; domain modules never import each other; core imports nothing of ours.
 */
const MAY_IMPORT: Record<string, readonly string[]> = {
  cli: ['tui', 'present', 'collection', 'core'],
  tui: ['present', 'collection', 'core'],
  present: ['collection', 'core'],
  collection: [...DOMAIN, 'store', 'core'],
  ...Object.fromEntries(DOMAIN.map((m) => [m, ['core']])),
  store: ['core'],
  core: [],
};

/**
 * Known violations in files other helpers are changing now (issue 13); each entry names the
 * importing file and the module it reaches. Remove an entry once the file is fixed: the test
 * then fails if the import comes back.
 */
const ALLOWED: ReadonlyArray<{ file: string; imports: string; why: string }> = [];

/** SQL outside src/store (issue 13: savepoints and the backup API go behind store methods). */
const SQL_ALLOWED: ReadonlyArray<{ file: string; why: string }> = [
];

export interface ImportEdge {
  file: string;
  line: number;
  target: string;
}

const IMPORT_PATTERNS = [
  /\b(?:import|export)\s+(?:type\s+)?(?:[^'"`;]*?\s+from\s+)?['"](\.{1,2}\/[^'"]+)['"]/g,
  /\bimport\(\s*['"](\.{1,2}\/[^'"]+)['"]\s*\)/g,
];

export function importsOf(file: string, text: string): ImportEdge[] {
  const edges: ImportEdge[] = [];
  for (const pattern of IMPORT_PATTERNS) {
    for (const m of text.matchAll(pattern)) {
      const line = text.slice(0, m.index).split('\n').length;
      const resolved = path.resolve(path.dirname(file), m[1]!).replace(/\.js$/, '');
      const target = ['.ts', '.tsx', '/index.ts'].map((ext) => resolved + ext).find((p) => fs.existsSync(p)) ?? resolved;
      edges.push({ file, line, target });
    }
  }
  return edges;
}

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

const rel = (file: string) => path.relative(SRC, file).split(path.sep).join('/');
const moduleOf = (file: string) => rel(file).split('/')[0]!;

/** Why an import is against the layers, or null when it is fine. */
export function layerViolation(from: string, to: string): string | null {
  const a = moduleOf(from);
  const b = moduleOf(to);
  if (rel(to).startsWith('..')) return `imports ${path.relative(ROOT, to)}, outside src/`;
  const allowed = MAY_IMPORT[a];
  if (!allowed) return `${a}/ is not a layer of the code map`;
  if (a === b) return null;
  if (!allowed.includes(b)) {
    if (DOMAIN.includes(a) && DOMAIN.includes(b)) return `${a} and ${b} are domain modules side by side: they meet in collection`;
    return `${a} may not import ${b} (it may import ${allowed.join(', ') || 'nothing of ours'})`;
  }
  // The screens start through their entry points; their internals are not a library for the CLI.
  if (b === 'tui' && path.basename(to) !== 'index.ts') return `${a} reaches into tui internals: import a tui entry point (index.ts)`;
  return null;
}

/** Statements prepared or run, savepoints and transactions, and a hand on the store's connection. */
const SQL = /\.prepare\(|\.exec\(\s*(?:['"]|`\s*[A-Z]{3,})|\b(?:db|conn|database)\.exec\(|\bSAVEPOINT\b|\bBEGIN\b(?:\s+(?:IMMEDIATE|EXCLUSIVE|DEFERRED|TRANSACTION)|\s*;|['"`])|\bstore\.db\b/;

function violations(): string[] {
  const found: string[] = [];
  for (const file of sourceFiles(SRC)) {
    const text = fs.readFileSync(file, 'utf8');
    for (const edge of importsOf(file, text)) {
      const why = layerViolation(file, edge.target);
      if (!why) continue;
      if (ALLOWED.some((a) => a.file === rel(file) && a.imports === rel(edge.target))) continue;
      found.push(`src/${rel(file)}:${edge.line}: ${why} (${rel(edge.target)})`);
    }
    if (moduleOf(file) !== 'store' && !SQL_ALLOWED.some((a) => a.file === rel(file))) {
      text.split('\n').forEach((line, i) => {
        if (SQL.test(line)) found.push(`src/${rel(file)}:${i + 1}: SQL outside src/store: ${line.trim()}`);
      });
    }
  }
  return found;
}

describe('the code map\'s layers', () => {
  it('every import under src/ points down the layers, and SQL stays in src/store', () => {
    expect(violations()).toEqual([]);
  });

  it('every allow-list entry is still needed', () => {
    const stale = ALLOWED.filter((a) => {
      const file = path.join(SRC, a.file);
      return !fs.existsSync(file) || !importsOf(file, fs.readFileSync(file, 'utf8')).some((e) => rel(e.target) === a.imports);
    });
    const staleSql = SQL_ALLOWED.filter((a) => {
      const file = path.join(SRC, a.file);
      return !fs.existsSync(file) || !fs.readFileSync(file, 'utf8').split('\n').some((line) => SQL.test(line));
    });
    expect([...stale, ...staleSql]).toEqual([]);
  });

  it('reads every kind of import and judges it', () => {
    const file = path.join(SRC, 'tui', 'x.ts');
    const text = [
      "import { a } from '../collection/index.js';",
      "import type { B } from '../quiz/index.js';",
      "export { c } from '../cli/format.js';",
      "const d = await import('../stats/index.js');",
      "import {\n  e,\n} from '../core/index.js';",
    ].join('\n');
    const edges = importsOf(file, text);
    expect(edges.map((e) => [rel(e.target), e.line])).toEqual([
      ['collection/index.ts', 1], ['quiz/index.ts', 2], ['cli/format.ts', 3], ['core/index.ts', 5], ['stats/index.ts', 4],
    ]);
    const upper = 'tui may not import %s (it may import present, collection, core)';
    expect(edges.map((e) => layerViolation(file, e.target))).toEqual([
      null, upper.replace('%s', 'quiz'), upper.replace('%s', 'cli'), null, upper.replace('%s', 'stats'),
    ]);
    const at = (...parts: string[]) => path.join(SRC, ...parts);
    expect(layerViolation(at('notes', 'a.ts'), at('papers', 'index.ts'))).toMatch(/side by side/);
    expect(layerViolation(at('core', 'a.ts'), at('store', 'index.ts'))).toBe('core may not import store (it may import nothing of ours)');
    expect(layerViolation(at('cli', 'a.ts'), at('tui', 'stats', 'lines.ts'))).toMatch(/tui internals/);
    expect(layerViolation(at('cli', 'a.ts'), at('tui', 'stats', 'index.ts'))).toBeNull();
    expect(SQL.test("db.prepare('SELECT 1')")).toBe(true);
    expect(SQL.test("run('SAVEPOINT file')")).toBe(true);
    expect(SQL.test('// Begin with the first card')).toBe(false);
    expect(SQL.test('const m = PATTERN.exec(line);')).toBe(false);
    expect(SQL.test('const verb = FINITE_VERB.exec(` ${text}`);')).toBe(false);
    expect(SQL.test('db.exec(`CREATE TABLE x (a)`);')).toBe(true);
    expect(SQL.test('await col.store.db.backup(target)')).toBe(true);
  });
});
