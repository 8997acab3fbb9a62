import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { sourcePathProblem } from '../core/index.js';

// Editors whose parsers take `+LINE` and end their options at `--` (getopt, or Emacs' own).
const PLUS_LINE_EDITORS = /^(vi|vim|nvim|nano|emacs|emacsclient)$/;
// Editors that take `+LINE` but whose `--` handling is unknown or absent: the path, always
// absolute (see openEditor), cannot be read as an option or a command anyway.
const PLUS_LINE_ONLY = /^(micro|kak|hx|helix|joe|mg|ne|jed)$/;

/** The argv that opens `file` at `line` in the user's editor ($VISUAL, $EDITOR, else vi). */
export function editorArgv(editor: string, file: string, line: number): string[] {
  const parts = editor.trim().split(/\s+/).filter(Boolean);
  const name = path.basename(parts[0] ?? 'vi');
  if (/^(code|code-insiders|codium|cursor|subl|zed)$/.test(name)) {
    return [...parts, ...(name === 'subl' || name === 'zed' ? [] : ['--wait', '--goto']), `${file}:${line}`];
  }
  if (PLUS_LINE_EDITORS.test(name)) return [...parts, `+${line}`, '--', file];
  if (PLUS_LINE_ONLY.test(name)) return [...parts, `+${line}`, file];
  return [...parts, file];
}

/**
 * Runs the editor in the foreground, on the same terminal, and waits for it. Only an existing
 * regular file named by an absolute path is ever opened: a card's source comes from files
 * strangers may have written (a backup, a package), and `vi '+:!cmd'` runs a command.
 */
export function openEditor(file: string, line: number): { ok: boolean; message: string } {
  const problem = sourcePathProblem(file);
  if (problem) return { ok: false, message: `cannot open the note: ${problem}` };
  let isFile = false;
  try {
    isFile = fs.statSync(file).isFile();
  } catch {
    isFile = false;
  }
  if (!isFile) return { ok: false, message: `cannot open the note: ${file} is not an existing note file` };
  const editor = process.env['VISUAL'] || process.env['EDITOR'] || 'vi';
  const lineNumber = Number.isInteger(line) && line > 0 ? line : 1;
  const [command, ...args] = editorArgv(editor, file, lineNumber);
  const result = spawnSync(command!, args, { stdio: 'inherit' });
  if (result.error) return { ok: false, message: `could not start editor '${command}': ${result.error.message}` };
  return { ok: result.status === 0, message: result.status === 0 ? '' : `editor exited with code ${result.status}` };
}
