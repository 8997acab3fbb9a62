import { cleanup, render } from 'ink-testing-library';
import { afterEach, describe, expect, it } from 'vitest';
import { askAgainQuestion, buildQuestion, type Question } from '../../src/quiz/index.js';
import { toQuizPaper } from '../../src/collection/quiz.js';
import { QuizApp, createQuizController, initialQuiz } from '../../src/tui/quiz/index.js';
import { useQuizCollection } from './fixture.js';

// The shared module graph outlives this file: unmount every tree a test rendered.
afterEach(cleanup);

const T0 = Date.parse('2026-12-01T09:00:00Z');
const ENTER = '\r';
const collection = useQuizCollection(T0);

function question(key: string, form: Question['form'], seed = 4): Question {
  const col = collection();
  const pool = col.papers().map(toQuizPaper);
  const card = col.cards({ deck: 'Papers' }).find((c) => c.itemKey === `paper:${key}`)!;
  return buildQuestion(card.id, pool.find((p) => p.key === key)!, pool, form, seed);
}

async function frame(app: ReturnType<typeof render>, ready: (frame: string) => boolean): Promise<string> {
  const until = Date.now() + 5000;
  let last = app.lastFrame() ?? '';
  while (!ready(last) && Date.now() < until) {
    await new Promise((resolve) => setTimeout(resolve, 10));
    last = app.lastFrame() ?? '';
  }
  return last;
}

describe('quiz screen', () => {
  it('shows a multiple-choice question, then the feedback with the correct answer; a grade key saves the review', async () => {
    const col = collection();
    const q = question('tfn', 'choose-paper');
    const app = render(<QuizApp controller={createQuizController(col)} initial={initialQuiz([q, question('dcca', 'type-paper')])} color={false} />);
    let shown = await frame(app, (f) => f.includes('Which paper introduced'));
    expect(shown).toContain('Which paper introduced: Models unimodal, bimodal and trimodal interactions');
    q.choices!.forEach((c, i) => expect(shown).toContain(`${i + 1}  ${c.text.slice(0, 40)}`));
    expect(shown).toContain('1 of 2');

    const wrongNumber = q.choices!.findIndex((c) => c.key !== 'tfn') + 1;
    app.stdin.write(String(wrongNumber));
    shown = await frame(app, (f) => f.includes('Wrong'));
    expect(shown).toContain('x Wrong.');
    expect(shown).toContain('Tensor Fusion Network for Multimodal Sentiment Analysis — Zadeh, EMNLP 2017');
    expect(shown).toContain('Models unimodal, bimodal and trimodal interactions with the outer product');
    expect(shown).toContain('1 again (suggested)');

    app.stdin.write('2'); // override: hard (a learning step of 6 minutes: asked again at the end)
    shown = await frame(app, (f) => f.includes('Type its title'));
    expect(shown).toContain('2 of 3 (1 again)');
    expect(col.reviewsOf(q.cardId).map((r) => r.grade)).toEqual(['hard']);

    for (const ch of 'Deep Canonical Corelation Analysis') app.stdin.write(ch);
    await frame(app, (f) => f.includes('Corelation Analysis_'));
    app.stdin.write(ENTER);
    shown = await frame(app, (f) => f.includes('Right'));
    expect(shown).toContain('~ Right (with a typo).');
    expect(shown).toContain('2 hard (suggested)');
    app.stdin.write(' '); // hard again: both cards are in learning now, the first one comes back first
    shown = await frame(app, (f) => f.includes('asked again'));
    expect(shown).toContain('3 of 4 (2 again)');
    expect(shown).toContain('Tensor Fusion Network');

    app.stdin.write('u');
    shown = await frame(app, (f) => f.includes('Type its title'));
    expect(shown).toContain('2 of 3 (1 again)');
    expect(col.reviewsOf(question('dcca', 'type-paper').cardId)).toHaveLength(0);
    app.unmount();
  });

  it('a wrong answer comes back after the other questions, in a fresh question; undo takes it back out', async () => {
    const col = collection();
    const first = question('tfn', 'choose-paper');
    const second = question('dcca', 'choose-paper');
    const app = render(<QuizApp controller={createQuizController(col)} initial={initialQuiz([first, second])} color={false} />);
    await frame(app, (f) => f.includes('1 of 2'));
    app.stdin.write(String(first.choices!.findIndex((c) => c.key !== 'tfn') + 1));
    await frame(app, (f) => f.includes('x Wrong.'));
    app.stdin.write(ENTER); // the suggested grade: again
    let shown = await frame(app, (f) => f.includes('2 of 3'));
    expect(shown).toContain('2 of 3 (1 again)');
    expect(shown).toContain('Deep Canonical Correlation Analysis');

    app.stdin.write(String(second.choices!.findIndex((c) => c.key === 'dcca') + 1));
    await frame(app, (f) => f.includes('* Right.'));
    app.stdin.write(ENTER);
    shown = await frame(app, (f) => f.includes('asked again'));
    expect(shown).toContain('3 of 3 (1 again)');
    // The same paper, in another form than the first time.
    const pool = col.papers().map(toQuizPaper);
    const again = askAgainQuestion(first, pool.find((p) => p.key === 'tfn')!, pool);
    expect(again.form).not.toBe(first.form);
    expect(shown).toContain(again.prompt.slice(0, 40));

    app.stdin.write('u');
    shown = await frame(app, (f) => f.includes('undone'));
    expect(shown).toContain('2 of 3 (1 again)');
    app.stdin.write('u');
    shown = await frame(app, (f) => f.includes('1 of 2') && f.includes('undone'));
    expect(shown).toContain(first.prompt.slice(0, 60));
    expect(col.reviewsOf(first.cardId)).toHaveLength(0);

    app.stdin.write(String(first.choices!.findIndex((c) => c.key === 'tfn') + 1));
    await frame(app, (f) => f.includes('* Right.'));
    app.stdin.write(ENTER); // easy: not asked again
    await frame(app, (f) => f.includes('2 of 2'));
    app.stdin.write(String(second.choices!.findIndex((c) => c.key === 'dcca') + 1));
    await frame(app, (f) => f.includes('* Right.'));
    app.stdin.write(ENTER);
    shown = await frame(app, (f) => f.includes('Paper quiz done'));
    expect(shown).toContain('2 papers, 2 answered, 2 right.');
    expect(col.reviewsOf(first.cardId).map((r) => r.grade)).toEqual(['easy']);
    app.unmount();
  });
});
