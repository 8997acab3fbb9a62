/** Display only: the review screen for a session state and a terminal size. */
import { Box, Text } from 'ink';
import { GRADES } from '../core/index.js';
import { sanitizeText } from './render/index.js';
import { FLAG_NAMES, sessionCounts, type SessionState } from './session-reducer.js';
import { clockTime, duration, until } from '../present/format-time.js';
import { HelpOverlay } from './help-overlay.js';
import { PredictionInput } from './prediction-input.js';

export interface ScreenProps {
  state: SessionState;
  body: string[];
  width: number;
  height: number;
  color: boolean;
  nextDue: number | null;
  /** Suggestions waiting for `engram triage` (shown on the end screen). */
  suggestions?: number;
}

const GRADE_KEYS = { again: '1', hard: '2', good: '3', easy: '4' } as const;
const GRADE_COLORS = { again: 'red', hard: 'yellow', good: 'green', easy: 'blue' } as const;
/** Flag 1–4 as drawn: Anki's red, orange, green, blue. */
const FLAG_COLORS = ['red', '#ff8700', 'green', 'blue'] as const;

export function ReviewScreen({ state, body, width, height, color, nextDue, suggestions = 0 }: ScreenProps) {
  if (state.help) return <HelpOverlay color={color} />;
  if (state.phase === 'done') return <EndScreen state={state} nextDue={nextDue} color={color} suggestions={suggestions} />;
  // No card while the queue is still unread (use-review-input reads it before any key acts, so
  // this is a safeguard, not a screen anyone should see).
  if (!state.current) return <Text>reading today's queue...</Text>;
  const card = state.current;
  const counts = sessionCounts(state);
  // The screen's own text is ASCII: the first non-ASCII character Ink measures costs ~25 ms
  // of cold start (Unicode width tables), which the first frame would pay.
  const context = sanitizeText([card.deck, ...card.breadcrumb].join(' > '));
  const countsText = `${counts.new} new  ${counts.learning} learning  ${counts.review} review`;
  // The card id (for `engram unsuspend ID` and friends) and its flag lead the header.
  const flag = card.flag ? FLAG_NAMES[card.flag - 1] : undefined;
  const idText = `#${card.id} `;
  const flagText = flag ? `[${flag}] ` : '';
  const contextWidth = Math.max(10, width - countsText.length - 2 - idText.length - flagText.length);
  const typing = state.phase === 'question' && state.prediction?.cardId === card.id;
  const bodyHeight = bodyHeightFor(height, card.edited);
  const scroll = Math.min(state.scroll, maxScrollFor(body.length, bodyHeight));
  const overflow = body.length > bodyHeight;
  const visible = body.slice(scroll, scroll + (overflow ? bodyHeight - 1 : bodyHeight));
  const below = body.length - scroll - visible.length;

  return (
    <Box flexDirection="column" width={width}>
      <Box justifyContent="space-between">
        <Text wrap="truncate-end">
          <Text bold>{idText}</Text>
          {flag ? <Text bold color={color ? FLAG_COLORS[card.flag! - 1] : undefined}>{flagText}</Text> : null}
          <Text dimColor>{truncate(context, contextWidth)}</Text>
        </Text>
        <Text>
          <Text bold color={color ? 'blue' : undefined}>{counts.new}</Text>
          {' new  '}
          <Text bold color={color ? 'red' : undefined}>{counts.learning}</Text>
          {' learning  '}
          <Text bold color={color ? 'green' : undefined}>{counts.review}</Text>
          {' review'}
        </Text>
      </Box>
      {card.edited ? <Text color={color ? 'yellow' : undefined}>✎ edited since your last review</Text> : null}
      <Text> </Text>
      {/* The body takes only the rows it needs and the keys follow it: a fixed-height body
          costs Ink tens of milliseconds more on the first frame, for empty rows. */}
      <Box flexDirection="column">
        {/* One Text for the whole body: lines are already fitted to the width, and one node lays out much faster than thirty. */}
        <Text>{visible.join('\n')}</Text>
        {overflow ? (
          <Text dimColor>{below > 0 ? `v ${below} more line${below === 1 ? '' : 's'} (down/j to scroll)` : `^ ${scroll} line${scroll === 1 ? '' : 's'} above (up/k to scroll)`}</Text>
        ) : null}
      </Box>
      <Text dimColor wrap="truncate-end">{state.notice ? `> ${state.notice}` : ' '}</Text>
      {typing ? (
        <PredictionInput typed={state.prediction!.typed} checking={state.prediction!.status === 'checking'} prompt={card.typeIn ? 'answer> ' : 'output> '} />
      ) : state.phase === 'question' ? (
        <Text wrap="truncate-end">
          <Text bold>space</Text> show answer   <Text dimColor>? help   q quit</Text>
        </Text>
      ) : (
        <Text wrap="truncate-end">
          {GRADES.map((grade, i) => (
            <Text key={grade}>
              {i > 0 ? '  ' : ''}
              <Text bold color={color ? GRADE_COLORS[grade] : undefined}>{GRADE_KEYS[grade]}</Text>
              {` ${grade} `}
              <Text dimColor>{state.intervals?.[grade] ?? '…'}</Text>
            </Text>
          ))}
        </Text>
      )}
      <Text dimColor wrap="truncate-end">
        {typing && card.typeIn
          ? 'type the answer   enter check   esc quit'
          : typing
          ? 'what does it print? type it   enter check   tab new line   esc quit'
          : state.phase === 'answer'
          ? `u undo  s suspend  b bury  f flag${card.hasExample ? '  r run' : ''}${card.source ? '  o edit' : ''}  ? help  q quit`
          : `u undo  s suspend  b bury  f flag${card.source ? '  o edit' : ''}`}
      </Text>
    </Box>
  );
}

/** Rows left for the card once the header (2, +1 for the edited marker) and footer (3) are drawn. */
export function bodyHeightFor(height: number, edited: boolean): number {
  return Math.max(3, height - 5 - (edited ? 1 : 0));
}

/** The last scroll position: the final lines fill the body, one row kept for the "more" indicator. */
export function maxScrollFor(lines: number, bodyHeight: number): number {
  return lines > bodyHeight ? lines - (bodyHeight - 1) : 0;
}

function EndScreen({ state, nextDue, color, suggestions }: { state: SessionState; nextDue: number | null; color: boolean; suggestions: number }) {
  const suggestionsLine = suggestions > 0
    ? <Text>{suggestions} suggestion{suggestions === 1 ? '' : 's'} from your notes waiting (not in the queue): engram triage</Text>
    : null;
  const pendingLearning = state.learning.length;
  const next = state.learning[0]?.due ?? nextDue;
  const nextLine = next !== null && next !== undefined
    ? `Next card due ${until(next, state.now)} (${clockTime(next)}).`
    : 'Nothing else is scheduled. More cards: engram import PATH, or engram config newPerDay N.';
  if (state.reviewed === 0) {
    return (
      <Box flexDirection="column">
        <Text bold>Nothing due right now.</Text>
        <Text>{nextLine}</Text>
        {pendingLearning > 0 ? <Text>{pendingLearning} learning card{pendingLearning === 1 ? '' : 's'} later today; this screen picks them up when due.</Text> : null}
        {suggestionsLine}
        <Text dimColor>q quit</Text>
      </Box>
    );
  }
  const againRate = Math.round((state.again / state.reviewed) * 100);
  return (
    <Box flexDirection="column">
      <Text bold color={color ? 'green' : undefined}>Done for now.</Text>
      <Text> </Text>
      <Text>Reviewed   {state.reviewed} card{state.reviewed === 1 ? '' : 's'}</Text>
      <Text>Time       {duration(state.now - state.startedAt)}</Text>
      <Text>Again rate {againRate}%</Text>
      <Text> </Text>
      <Text>{nextLine}</Text>
      {pendingLearning > 0 ? <Text>{pendingLearning} learning card{pendingLearning === 1 ? '' : 's'} later today; this screen picks them up when due.</Text> : null}
      {suggestionsLine}
      <Text>See your progress: engram stats</Text>
      <Text dimColor>u undo last answer · q quit</Text>
    </Box>
  );
}

function truncate(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, Math.max(0, max - 1))}…` : text;
}
