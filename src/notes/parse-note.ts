/**
 * The front end, stage by stage: normalise → frontmatter → lex → explicit cards → (prose cards)
 * → finish. Pure: the file name only labels positions, and problems are returned, never thrown
 * or printed: a refused file as an error, everything else as warnings.
 *
 * The deck: frontmatter `deck:` wins over `#flashcards/...` deck tags (the note's and single
 * cards'), which win over the folder name (chosen by the importer).
 */
import type { Problem } from '../core/index.js';
import { classifyLines } from './classify-lines.js';
import type { Token } from './classify-lines.js';
import { attachExampleRefs, frontmatterExampleRef, takeExampleRefs } from './example-refs.js';
import { explicitCards } from './explicit-cards.js';
import { finishCards } from './finish-cards.js';
import { readFrontmatter } from './frontmatter.js';
import { readSettings } from './note-settings.js';
import { attachTypeMarkers, noteTypesAnswers, takeTypeMarkers } from './type-in.js';
import { outline } from './outline.js';
import { proseCards } from './prose-cards.js';
import { findTags, firstDeckPath, mergeTags } from './tags.js';
import type { ParseResult } from './types.js';

function normalise(text: string): string {
  return text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
}

function inlineTags(tokens: readonly Token[]): string[] {
  const tags: string[] = [];
  for (const token of tokens) {
    if (token.kind === 'text' || token.kind === 'tags' || token.kind === 'heading') tags.push(...findTags(token.raw));
  }
  return tags;
}

export function parseNote(text: string, file: string): ParseResult {
  const source = normalise(text);
  const frontmatter = readFrontmatter(source, file);
  if (!frontmatter.ok) return { note: null, errors: [frontmatter.problem], warnings: [] };

  const problems: Problem[] = [];
  const settings = readSettings(frontmatter.data, frontmatter.keyLine, file, problems);
  const lexed = classifyLines(frontmatter.body, frontmatter.bodyLine, file);
  problems.push(...lexed.problems);
  const typed = takeTypeMarkers(lexed.tokens);
  const { tokens, refs } = takeExampleRefs(typed.tokens, file, problems);

  const tags = mergeTags(settings.tags, inlineTags(tokens));
  const boldCloze = settings.boldCloze || tags.some((t) => t.toLowerCase() === 'cloze');
  const explicit = explicitCards(tokens, { file, boldCloze, curlyCloze: settings.curlyCloze });
  problems.push(...explicit.problems);

  // A note written with card syntax gets exactly the cards it wrote, unless it asks for both.
  const prose = settings.mode === 'both' || (settings.mode === 'auto' && !explicit.found);
  const items = prose ? [...explicit.items, ...proseCards(outline(tokens, explicit.consumed))] : explicit.items;
  const deckTags = settings.deck === null;
  const cards = finishCards(items, {
    file, tags, deckPath: deckTags ? firstDeckPath(tags) : null, deckTags, problems,
    explicitItems: new Set(explicit.items), srSchedules: explicit.schedules,
  });
  attachExampleRefs(cards, refs, frontmatterExampleRef(frontmatter.data, frontmatter.keyLine, file, problems), file, problems);
  attachTypeMarkers(cards, typed.markers, noteTypesAnswers(frontmatter.data), file, problems);

  problems.sort((a, b) => a.line - b.line);
  return {
    note: { file, deck: settings.deck, tags, options: settings.options, cards },
    errors: [],
    warnings: problems,
  };
}
