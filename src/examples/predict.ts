/**
 * Checks a learner's prediction of an example's output. Pure: no sandbox, no clock.
 *
 * - Whitespace and letter case never matter; blank lines are ignored on both sides.
 * - A number matches when the real one agrees with it to the precision typed: `0.73` matches
 *   0.7310585786 (it rounds to 0.73), `3` matches 3.2 but not 3.7. Typing more digits than the
 *   output has asks for more than it says, so `0.7311` does not match a printed `0.73`.
 * - A line may leave out the printed line's label: `3` predicts `logit 0: 3.00`.
 * - Output of several lines compares line by line; the diff lists every line with its verdict.
 */
import type { Grade } from '../core/index.js';

export interface PredictionLine {
  /** 1-based line number among the non-blank lines. */
  line: number;
  /** The real output's line (null: the prediction has more lines). */
  expected: string | null;
  /** The learner's line (null: the prediction is missing this line). */
  predicted: string | null;
  match: boolean;
}

export interface PredictionCheck {
  correct: boolean;
  diff: PredictionLine[];
}

/** Right and at most this long from seeing the card to submitting the prediction: easy. */
export const PREDICT_FAST_MS = 20_000;

const NUMBER = /[-+]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?/g;

type Piece = { kind: 'text'; text: string } | { kind: 'number'; value: number; decimals: number; raw: string };

function pieces(line: string): Piece[] {
  const out: Piece[] = [];
  let last = 0;
  const pushText = (text: string) => {
    const squeezed = text.replace(/\s+/g, '').toLowerCase();
    if (squeezed) out.push({ kind: 'text', text: squeezed });
  };
  for (const m of line.matchAll(NUMBER)) {
    const raw = m[0];
    const start = m.index ?? 0;
    pushText(line.slice(last, start));
    const fraction = /\.(\d*)/.exec(raw)?.[1]?.length ?? 0;
    const exponent = /[eE]([-+]?\d+)$/.exec(raw);
    out.push({ kind: 'number', value: Number(raw), decimals: fraction - (exponent ? Number(exponent[1]) : 0), raw });
    last = start + raw.length;
  }
  pushText(line.slice(last));
  return out;
}

/** `typed` agrees with `actual` to the typed number of decimals (half a unit in the last typed place). */
function numberMatches(typed: { value: number; decimals: number }, actual: { value: number; decimals: number }): boolean {
  if (!Number.isFinite(typed.value) || !Number.isFinite(actual.value)) return typed.value === actual.value;
  if (typed.decimals > actual.decimals) return typed.value === actual.value;
  const tolerance = 0.5 * 10 ** -typed.decimals;
  // The relative slack absorbs binary rounding at the edge (0.125 typed as 0.13 rounds either way).
  return Math.abs(actual.value - typed.value) <= tolerance * (1 + 1e-9) + 1e-12;
}

/**
 * A line matches when it agrees with the whole printed line, or with what follows the printed
 * line's label (the text after its last `:` or `=`): typing `3` for `logit 0: 3.00` is right.
 */
export function lineMatches(predicted: string, expected: string): boolean {
  if (piecesMatch(predicted, expected)) return true;
  const tail = labelTail(expected);
  return tail !== null && piecesMatch(predicted, tail);
}

function labelTail(line: string): string | null {
  const at = Math.max(line.lastIndexOf(':'), line.lastIndexOf('='));
  const tail = at >= 0 ? line.slice(at + 1).trim() : '';
  return tail === '' ? null : tail;
}

function piecesMatch(predicted: string, expected: string): boolean {
  const p = pieces(predicted);
  const e = pieces(expected);
  if (p.length !== e.length) return false;
  return p.every((piece, i) => {
    const other = e[i]!;
    if (piece.kind === 'number' && other.kind === 'number') return numberMatches(piece, other);
    return piece.kind === 'text' && other.kind === 'text' && piece.text === other.text;
  });
}

function contentLines(text: string): string[] {
  return text.replace(/\r\n?/g, '\n').split('\n').map((l) => l.trim()).filter((l) => l !== '');
}

export function checkPrediction(predicted: string, actual: string): PredictionCheck {
  const want = contentLines(actual);
  const got = contentLines(predicted);
  const diff: PredictionLine[] = [];
  for (let i = 0; i < Math.max(want.length, got.length); i++) {
    const expected = want[i] ?? null;
    const typed = got[i] ?? null;
    diff.push({ line: i + 1, expected, predicted: typed, match: expected !== null && typed !== null && lineMatches(typed, expected) });
  }
  return { correct: want.length > 0 && diff.every((d) => d.match), diff };
}

/** Wrong → again; right → good; right within PREDICT_FAST_MS → easy. Without a time (a script) right is good. */
export function suggestPredictionGrade(correct: boolean, durationMs: number | null): Grade {
  if (!correct) return 'again';
  return durationMs !== null && durationMs <= PREDICT_FAST_MS ? 'easy' : 'good';
}
