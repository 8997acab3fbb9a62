/** The bridge from `engram quiz papers` to Ink: renders the quiz full-screen, resolves when the user quits. */
import { createElement } from 'react';
import type { Collection } from '../../collection/index.js';
import type { Question } from '../../core/index.js';
import { colorEnabled } from '../../present/color.js';
import { runFullScreen } from '../full-screen.js';
import { createQuizController } from './quiz-controller.js';
import { QuizApp } from './quiz-app.js';
import { initialQuiz, quizScore, type QuizState } from './quiz-reducer.js';

export { QuizApp } from './quiz-app.js';
export { createQuizController, type QuizController } from './quiz-controller.js';
export { initialQuiz, quizProgress, quizReducer, quizScore, type QuizState, type QuizAction } from './quiz-reducer.js';

/** Runs the quiz over the questions until done or quit; prints a one-line score after. */
export async function runQuiz(col: Collection, questions: Question[]): Promise<void> {
  const initial = initialQuiz(questions);
  let final: QuizState = initial;
  await runFullScreen(
    createElement(QuizApp, {
      controller: createQuizController(col), initial, color: colorEnabled(), onExit: (state: QuizState) => {
        final = state;
      },
    }),
  );
  const score = quizScore(final);
  if (score.answered === 0) return;
  // Cards asked again count once as papers; "right" counts answers.
  const answers = score.answered === score.papers ? '' : ` in ${score.answered} answers`;
  process.stdout.write(`Quizzed ${score.papers} paper${score.papers === 1 ? '' : 's'}${answers}; ${score.correct} right.\n`);
}
