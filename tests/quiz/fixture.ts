/** Papers for the quiz tests: declared in a temporary database, or as plain quiz data. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeEach } from 'vitest';
import type { Collection } from '../../src/collection/index.js';
import { syncPaperCards } from '../../src/collection/quiz.js';
import { useTempCollection } from '../helpers/collection.js';
import { Store, type DeclaredPaper } from '../../src/store/index.js';
import type { QuizPaper } from '../../src/quiz/index.js';

type Entry = Omit<DeclaredPaper, 'key' | 'authors' | 'slugs' | 'declaredIn'> & { key: string };

export const PAPERS: Entry[] = [
  { key: 'tfn', title: 'Tensor Fusion Network for Multimodal Sentiment Analysis', firstAuthor: 'Zadeh', venue: 'EMNLP', year: 2017, aliases: ['TFN'], topic: 'fusion',
    idea: 'Models unimodal, bimodal and trimodal interactions with the outer product of the modality vectors, each extended by a constant 1.' },
  { key: 'lmf', title: 'Efficient Low-rank Multimodal Fusion with Modality-Specific Factors', firstAuthor: 'Liu', venue: 'ACL', year: 2018, aliases: ['LMF'], topic: 'fusion',
    idea: 'Computes the same multiplicative fusion with low-rank modality-specific factors, so the cost grows linearly in the number of modalities.' },
  { key: 'mctn', title: 'Found in Translation: Learning Robust Joint Representations by Cyclic Translations Between Modalities', firstAuthor: 'Pham', venue: 'AAAI', year: 2019, aliases: ['MCTN'], topic: 'fusion',
    idea: 'Learns a joint representation by translating a source modality into the others and back, so only the source is needed at test time.' },
  { key: 'mdl', title: 'Multimodal Deep Learning', firstAuthor: 'Ngiam', venue: 'ICML', year: 2011, aliases: [], topic: 'fusion',
    idea: 'Trains a bimodal deep autoencoder on audio and video to learn shared features that help even when one modality is missing.' },
  { key: 'dcca', title: 'Deep Canonical Correlation Analysis', firstAuthor: 'Andrew', venue: 'ICML', year: 2013, aliases: ['DCCA'], topic: 'coordination',
    idea: 'Learns nonlinear transformations of two views whose outputs are maximally correlated.' },
  { key: 'clip', title: 'Learning Transferable Visual Models From Natural Language Supervision', firstAuthor: 'Radford', venue: 'ICML', year: 2021, aliases: ['CLIP'], topic: 'coordination',
    idea: 'Pretrains an image encoder and a text encoder contrastively on image-caption pairs from the web, enabling zero-shot transfer.' },
  { key: 'mult', title: 'Multimodal Transformer for Unaligned Multimodal Language Sequences', firstAuthor: 'Tsai', venue: 'ACL', year: 2019, aliases: ['MulT'], topic: 'alignment',
    idea: 'Uses directional crossmodal attention so that sequences of different modalities need no prior word-level alignment.' },
  { key: 'sat', title: 'Show, Attend and Tell: Neural Image Caption Generation with Visual Attention', firstAuthor: 'Xu', venue: 'ICML', year: 2015, aliases: [], topic: 'generation',
    idea: 'Generates captions word by word while attending to different regions of the image.' },
];

export function quizPapers(entries: Entry[] = PAPERS): QuizPaper[] {
  return entries.map((e) => ({ key: e.key, title: e.title, firstAuthor: e.firstAuthor, venue: e.venue, year: e.year, idea: e.idea, topic: e.topic, aliases: e.aliases }));
}

export function declare(store: Store, entries: Entry[] = PAPERS, declaredIn = 'papers.md'): number[] {
  return entries.map((e, i) => store.declarePaper({ ...e, authors: e.firstAuthor ? [e.firstAuthor] : [], slugs: [], declaredIn: `${declaredIn}:${i * 4 + 3}` }));
}

/** A temporary database with the papers declared; returns its path and a cleanup. */
export function tempDbWithPapers(entries: Entry[] = PAPERS): { dir: string; db: string; cleanup: () => void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'engram-quiz-'));
  const db = path.join(dir, 'engram.db');
  const store = Store.open(db);
  if (entries.length) declare(store, entries);
  store.close();
  return { dir, db, cleanup: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

/** A temporary collection (see useTempCollection) holding PAPERS and their quiz cards, at `t0`. */
export function useQuizCollection(t0: number): () => Collection {
  const temp = useTempCollection(t0);
  beforeEach(() => {
    declare(temp.col().store, PAPERS);
    syncPaperCards(temp.col());
  });
  return temp.col;
}
