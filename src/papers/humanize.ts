/**
 * Turns a wikilink slug into a readable title. Slugs are lowercase, so well-known acronyms and
 * model names are restored from a small table; anything unknown stays lowercase.
 */
import { capitalizeFirst } from './normalize.js';

/** Word pairs that a slug splits but the name joins with a hyphen. */
const PAIRS: ReadonlyArray<readonly [string, string, string]> = [
  ['dall', 'e', 'DALL-E'],
  ['vqa', 'lol', 'VQA-LOL'],
  ['vl', 't5', 'VL-T5'],
  ['gpt', '3', 'GPT-3'],
  ['gpt', '4', 'GPT-4'],
];

const WORDS: Readonly<Record<string, string>> = {
  ai: 'AI', bert: 'BERT', clip: 'CLIP', cnn: 'CNN', cnns: 'CNNs', flava: 'FLAVA', gan: 'GAN',
  gans: 'GANs', gato: 'Gato', gpt: 'GPT', highmmt: 'HighMMT', hubert: 'HuBERT', io: 'IO',
  llm: 'LLM', llms: 'LLMs', lstm: 'LSTM', lstms: 'LSTMs', lxmert: 'LXMERT', m2lens: 'M2Lens',
  ml: 'ML', mm: 'MM', mmt: 'MMT', mufasa: 'MUFASA', multiviz: 'MultiViz', nas: 'NAS', nlp: 'NLP',
  perceiver: 'Perceiver', polyvit: 'PolyViT', rl: 'RL', rnn: 'RNN', rnns: 'RNNs', t5: 'T5',
  uniter: 'UNITER', vae: 'VAE', vaes: 'VAEs', vatt: 'VATT', vilbert: 'ViLBERT', vit: 'ViT',
  vl: 'VL', vqa: 'VQA', '2d': '2D', '3d': '3D',
};

/** Words of a slug with acronyms restored, not yet capitalised (used to extend prose titles too). */
export function humanizeWords(words: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const w = words[i] ?? '';
    const next = words[i + 1];
    const pair = PAIRS.find(([a, b]) => a === w && b === next);
    if (pair) {
      out.push(pair[2]);
      i++;
      continue;
    }
    out.push(WORDS[w] ?? w);
  }
  return out;
}

/** `efficient_low_rank_fusion` → "Efficient low rank fusion"; a path or `.md` suffix is dropped. */
export function humanizeSlug(slug: string): string {
  const base = slugBase(slug);
  const words = base
    .split(/[_\-\s]+/)
    .map((w) => w.toLowerCase())
    .filter((w) => w.length > 0);
  if (words.length === 0) return slug.trim();
  return capitalizeFirst(humanizeWords(words).join(' '));
}

/** The file-name part of a wikilink target: `papers/clip.md` → `clip`. */
export function slugBase(slug: string): string {
  const last = slug.trim().split('/').pop() ?? slug;
  return last.replace(/\.md$/i, '');
}
