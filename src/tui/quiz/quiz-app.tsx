/** The paper quiz session: binds keys to the controller and the reducer; rendering is QuizScreen's. */
import { useApp, useInput } from 'ink';
import { useEffect, useRef } from 'react';
import type { Grade } from '../../core/index.js';
import { useLatestReducer } from '../use-latest-reducer.js';
import { useTerminalSize } from '../use-terminal-size.js';
import type { QuizController } from './quiz-controller.js';
import { quizReducer, type QuizAction, type QuizState } from './quiz-reducer.js';
import { QuizScreen } from './quiz-screen.js';

export interface QuizAppProps {
  controller: QuizController;
  initial: QuizState;
  color: boolean;
  onExit?: (state: QuizState) => void;
}

const GRADE_BY_KEY: Record<string, Grade> = { '1': 'again', '2': 'hard', '3': 'good', '4': 'easy' };

export function QuizApp({ controller, initial, color, onExit }: QuizAppProps) {
  // Handlers read latest(): keys can arrive faster than React re-renders.
  const { state, latest, dispatch } = useLatestReducer<QuizState, QuizAction>(quizReducer, initial);
  const { exit } = useApp();
  const { width } = useTerminalSize();
  const shownAt = useRef(controller.now());
  useEffect(() => {
    shownAt.current = controller.now();
  }, [state.current]);

  const act = (fn: () => void) => {
    try {
      fn();
    } catch (error) {
      dispatch({ type: 'notice', text: (error as Error).message });
    }
  };
  const quit = () => {
    onExit?.(latest());
    exit();
  };
  const judge = (answer: string) => act(() => {
    const question = latest().current!;
    const durationMs = controller.now() - shownAt.current;
    const judgement = controller.judge(question, answer, durationMs);
    const picked = judgement.verdict.picked;
    const given = picked !== null ? question.choices?.[picked - 1]?.text ?? answer : answer;
    dispatch({ type: 'judged', ...judgement, given, durationMs });
  });
  const save = (grade: Grade) => act(() => {
    const { current, feedback } = latest();
    const { reviewId, again } = controller.save(current!, grade, feedback!.durationMs);
    dispatch({ type: 'saved', grade, reviewId, again });
  });
  const undo = () => {
    const last = latest().history[latest().history.length - 1];
    if (!last) return dispatch({ type: 'notice', text: 'nothing to undo in this session' });
    act(() => {
      controller.undo(last.reviewId);
      dispatch({ type: 'undone' });
    });
  };

  useInput((input, key) => {
    const state = latest();
    const typing = state.phase === 'asking' && state.current !== null && state.current.choices === null;
    if (key.escape || (input === 'q' && !typing)) return quit();
    if (typing) {
      if (key.return) {
        if (!state.typed.trim()) return dispatch({ type: 'notice', text: 'type a title first (or esc to quit)' });
        return judge(state.typed);
      }
      if (key.backspace || key.delete) return dispatch({ type: 'erase' });
      if (input && !key.ctrl && !key.meta && !key.tab && !key.upArrow && !key.downArrow) return dispatch({ type: 'typed', text: input });
      return;
    }
    if (input === 'u') return undo();
    if (state.phase === 'asking' && state.current?.choices) {
      const number = Number(input);
      if (Number.isInteger(number) && number >= 1 && number <= state.current.choices.length) return judge(input);
      return;
    }
    if (state.phase === 'feedback' && state.feedback) {
      if (GRADE_BY_KEY[input]) return save(GRADE_BY_KEY[input]!);
      if (key.return || input === ' ') return save(state.feedback.suggested);
    }
  });

  return <QuizScreen state={state} width={width} color={color} />;
}
