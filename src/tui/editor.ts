import { spawnSync } from 'node:child_process';
import path from 'node:path';

/** The argv that opens `file` at `line` in the user's editor ($VISUAL, $EDITOR, else vi). */
export function editorArgv(editor: string, file: string, line: number): string[] {
  const parts = editor.trim().split(/\s+/).filter(Boolean);
  const name = path.basename(parts[0] ?? 'vi');
  if (/^(code|code-insiders|codium|cursor|subl|zed)$/.test(name)) {
    return [...parts, ...(name === 'subl' || name === 'zed' ? [] : ['--wait', '--goto']), `${file}:${line}`];
  }
  if (/^(vi|vim|nvim|nano|emacs|emacsclient|micro|kak|hx|helix|joe|mg|ne|jed)$/.test(name)) return [...parts, `+${line}`, file];
  return [...parts, file];
}

/** Runs the editor in the foreground, on the same terminal, and waits for it. */
export function openEditor(file: string, line: number): { ok: boolean; message: string } {
  const editor = process.env['VISUAL'] || process.env['EDITOR'] || 'vi';
  const [command, ...args] = editorArgv(editor, file, line);
  const result = spawnSync(command!, args, { stdio: 'inherit' });
  if (result.error) return { ok: false, message: `could not start editor '${command}': ${result.error.message}` };
  return { ok: result.status === 0, message: result.status === 0 ? '' : `editor exited with code ${result.status}` };
}
