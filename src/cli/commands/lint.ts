import path from 'node:path';
import { formatProblem, UsageError } from '../../core/index.js';
import { LINT_RULES, lintDecks, type LintReport, type LintRule } from '../../collection/lint.js';
import { printJson, safeText } from '../format.js';

export interface LintFlags {
  json?: boolean;
  ignore?: string;
  maxLines?: string;
  maxChars?: string;
}

function positive(flag: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new UsageError(`${flag} must be a positive whole number, got '${value}'`);
  return n;
}

/** Paths below the working directory print relative, as compilers and linters print them. */
function shown(file: string): string {
  const rel = path.relative(process.cwd(), file);
  return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : file;
}

function ignoredRules(value: string | undefined): Set<LintRule> {
  const rules = (value ?? '').split(',').map((r) => r.trim()).filter((r) => r !== '');
  for (const rule of rules) {
    if (!(LINT_RULES as readonly string[]).includes(rule)) throw new UsageError(`--ignore: unknown rule '${rule}' (rules: ${LINT_RULES.join(', ')})`);
  }
  return new Set(rules as LintRule[]);
}

export function lintCommand(paths: string[], opts: LintFlags): void {
  const maxLines = positive('--max-lines', opts.maxLines);
  const maxChars = positive('--max-chars', opts.maxChars);
  const ignored = ignoredRules(opts.ignore);
  // Resolved here, so the linter never depends on the process's working folder.
  const full = lintDecks(paths.map((p) => path.resolve(p)), {
    ...(maxLines !== undefined ? { maxLines } : {}),
    ...(maxChars !== undefined ? { maxChars } : {}),
  });
  const report: LintReport = { ...full, findings: full.findings.filter((f) => !ignored.has(f.rule)) };
  if (opts.json) printJson(report);
  else {
    for (const f of report.findings) process.stdout.write(`${safeText(formatProblem({ ...f, file: shown(f.file) }))} [${f.rule}]\n`);
    const what = `${report.files} file${report.files === 1 ? '' : 's'}, ${report.cards} card${report.cards === 1 ? '' : 's'}, ${report.papers} declared paper${report.papers === 1 ? '' : 's'}`;
    const n = report.findings.length;
    process.stdout.write(n === 0 ? `ok: ${what}, no problems\n` : `${n} problem${n === 1 ? '' : 's'} in ${what}\n`);
  }
  if (report.findings.length > 0) process.exitCode = 1;
}
