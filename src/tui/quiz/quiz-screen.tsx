/** Display only: the quiz question, the feedback after an answer, and the end screen. */
import { Box, Text } from 'ink';
import { GRADES, type Grade } from '../../core/index.js';
import { citationLine } from '../../collection/quiz.js';
import { sanitizeText } from '../render/index.js';
import { quizProgress, quizScore, type QuizState } from './quiz-reducer.js';

export interface QuizScreenProps {
  state: QuizState;
  width: number;
  color: boolean;
}

const GRADE_COLORS: Record<Grade, string> = { again: 'red', hard: 'yellow', good: 'green', easy: 'blue' };

export function QuizScreen({ state, width, color }: QuizScreenProps) {
  const question = state.current;
  const score = quizScore(state);
  if (state.phase === 'done' || !question) {
    return (
      <Box flexDirection="column" width={width}>
        <Text bold>Paper quiz done</Text>
        <Text>{`${papersText(score.papers)}, ${score.answered} answered, ${score.correct} right.`}</Text>
        <Text dimColor>{state.notice ? `> ${sanitizeText(state.notice)}` : ' '}</Text>
        <Text dimColor>u undo   q quit</Text>
      </Box>
    );
  }
  const progress = quizProgress(state);
  const position = `${progress.position} of ${progress.total}${progress.again ? ` (${progress.again} again)` : ''}`;
  const repeat = state.currentDue !== null ? ' · asked again' : '';
  return (
    <Box flexDirection="column" width={width}>
      <Box justifyContent="space-between">
        <Text dimColor>{`Paper quiz${question.answer.topic ? ` > ${sanitizeText(question.answer.topic)}` : ''}${repeat}`}</Text>
        <Text>{`${position}  ${score.correct} right`}</Text>
      </Box>
      <Text> </Text>
      <Text bold>{sanitizeText(question.prompt)}</Text>
      <Text> </Text>
      {question.choices
        ? question.choices.map((choice, i) => (
            // The number stands in its own column so a long title wraps under its first word.
            <Box key={choice.key}>
              <Text color={color ? choiceColor(state, i + 1) : undefined}>{`${choiceMark(state, i + 1)} ${i + 1}  `}</Text>
              <Box flexShrink={1}>
                <Text color={color ? choiceColor(state, i + 1) : undefined}>{sanitizeText(choice.text)}</Text>
              </Box>
            </Box>
          ))
        : <Text>{`> ${sanitizeText(state.phase === 'feedback' ? state.feedback?.given ?? '' : state.typed)}${state.phase === 'asking' ? '_' : ''}`}</Text>}
      {state.phase === 'feedback' && state.feedback ? <Feedback state={state} color={color} /> : null}
      <Text dimColor wrap="truncate-end">{state.notice ? `> ${sanitizeText(state.notice)}` : ' '}</Text>
      <Text dimColor wrap="truncate-end">{keysLine(state)}</Text>
    </Box>
  );
}

function Feedback({ state, color }: { state: QuizState; color: boolean }) {
  const feedback = state.feedback!;
  const paper = state.current!.answer;
  const { verdict } = feedback;
  const headline = !verdict.correct ? 'x Wrong.' : verdict.match === 'typo' ? '~ Right (with a typo).' : '* Right.';
  return (
    <Box flexDirection="column">
      <Text> </Text>
      <Text bold color={color ? (verdict.correct ? 'green' : 'red') : undefined}>{headline}</Text>
      <Text>{sanitizeText(citationLine(paper))}</Text>
      {paper.idea ? <Text dimColor>{sanitizeText(paper.idea)}</Text> : null}
      <Text> </Text>
      <Text>
        {GRADES.map((grade, i) => (
          <Text key={grade} bold={grade === feedback.suggested} color={color ? GRADE_COLORS[grade] : undefined}>
            {`${i > 0 ? '  ' : ''}${i + 1} ${grade}${grade === feedback.suggested ? ' (suggested)' : ''}`}
          </Text>
        ))}
      </Text>
    </Box>
  );
}

function papersText(count: number): string {
  return `${count} paper${count === 1 ? '' : 's'}`;
}

function choiceMark(state: QuizState, number: number): string {
  if (state.phase !== 'feedback' || !state.feedback || !state.current?.choices) return ' ';
  const isAnswer = state.current.choices[number - 1]?.key === state.current.answer.key;
  if (isAnswer) return '*';
  return state.feedback.verdict.picked === number ? 'x' : ' ';
}

function choiceColor(state: QuizState, number: number): string | undefined {
  const mark = choiceMark(state, number);
  return mark === '*' ? 'green' : mark === 'x' ? 'red' : undefined;
}

function keysLine(state: QuizState): string {
  if (state.phase === 'feedback') return 'enter/space accept   1-4 choose the grade   u undo   q quit';
  if (state.current?.choices) return `1-${state.current.choices.length} choose   u undo   q quit`;
  return 'type the title or a short name, enter to answer   esc quit';
}
