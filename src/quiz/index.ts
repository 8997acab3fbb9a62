/** Paper quizzes: question forms, distractors, fuzzy grading of typed titles, grade suggestion. Pure functions. */
export * from './types.js';
export { makeQuestion, askAgainQuestion, buildQuestion, possibleForms, questionId, parseQuestionId, CHOICE_COUNT } from './questions.js';
export { pickDistractors } from './distractors.js';
export { matchTitle, namesOf, typoAllowance } from './match-title.js';
export { checkAnswer, pickedChoice } from './check-answer.js';
export { suggestGrade, FAST_MS, SLOW_MS } from './suggest-grade.js';
export { normalizeAnswer, shortTitle } from './normalize.js';
export { seededRandom, mixSeed, shuffle, type Random } from './random.js';
export { compareTyped, expectedAnswer, stripMarkdown, suggestTypedGrade, TYPE_IN_FAST_MS, type TypeInOptions, type TypeInResult, type TypeInWord } from './type-in.js';
