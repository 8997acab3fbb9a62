/**
 * mergePapers: one record per paper across notes. Refs are grouped (transitively) when any of
 * their keys (the title key, and the slug when cited by wikilink) match by `keysMatch`.
 */
import type { PaperFacts, PaperRef } from '../core/types.js';
import { humanizeSlug, humanizeWords, slugBase } from './humanize.js';
import { keyInfo, keysMatch, matchingPairs } from './match.js';
import { keyWords, normalizeKey } from './normalize.js';

export interface Paper extends PaperFacts {
  refs: Array<{ file: string; line: number }>;
}

type FileRef = PaperRef & { file: string };

/** The word keys a ref can be matched by. */
function refKeys(ref: PaperRef): string[][] {
  const keys = [ref.key.split('_').filter((w) => w.length > 0)];
  if (ref.slug !== null) keys.push(keyWords(slugBase(ref.slug)));
  return keys;
}

export function mergePapers(refs: FileRef[]): Paper[] {
  const parent = refs.map((_, i) => i);
  const find = (i: number): number => {
    let root = i;
    while (parent[root] !== root) root = parent[root] ?? root;
    return root;
  };
  const union = (i: number, j: number): void => {
    const a = find(i);
    const b = find(j);
    // The earlier ref stays the root so papers come out in order of first citation.
    if (a !== b) parent[Math.max(a, b)] = Math.min(a, b);
  };

  // Identical keys are joined through a map; only distinct keys need the pairwise fuzzy test.
  const byKey = new Map<string, number>();
  const distinct: Array<{ index: number; words: string[] }> = [];
  refs.forEach((ref, i) => {
    for (const words of refKeys(ref)) {
      if (words.length === 0) continue;
      const k = words.join('_');
      const seen = byKey.get(k);
      if (seen !== undefined) union(seen, i);
      else {
        byKey.set(k, i);
        distinct.push({ index: i, words });
      }
    }
  });
  const infos = distinct.map((d) => keyInfo(d.words));
  for (const [x, y] of matchingPairs(infos)) union(distinct[x]?.index ?? 0, distinct[y]?.index ?? 0);

  const groups = new Map<number, FileRef[]>();
  refs.forEach((ref, i) => {
    const root = find(i);
    const group = groups.get(root) ?? [];
    group.push(ref);
    groups.set(root, group);
  });
  return [...groups.keys()].sort((a, b) => a - b).map((root) => toPaper(groups.get(root) ?? []));
}

function toPaper(group: FileRef[]): Paper {
  const slugs = uniqueBy(group.flatMap((r) => (r.slug === null ? [] : [r.slug])), (s) => s);
  const title = bestTitle(group, slugs);
  const firstSlug = slugs[0];
  return {
    key: firstSlug !== undefined ? normalizeKey(slugBase(firstSlug)) : normalizeKey(title),
    title,
    authors: uniqueBy(group.flatMap((r) => r.authors), (a) => a.toLowerCase()),
    venue: group.find((r) => r.venue !== null)?.venue ?? null,
    year: group.find((r) => r.year !== null)?.year ?? null,
    slugs,
    refs: uniqueBy(group.map((r) => ({ file: r.file, line: r.line })), (r) => `${r.line}\u0000${r.file}`),
  };
}

/**
 * The most informative title: the one with most words; on a tie a prose title (it has the
 * writer's casing and punctuation) beats a humanised slug. A prose title that is a prefix of a
 * slug is first extended by the slug's remaining words, so the casing survives the lengthening.
 */
function bestTitle(group: FileRef[], slugs: string[]): string {
  const candidates: Array<{ title: string; words: number; prose: boolean }> = [];
  const slugWords = slugs.map((s) => keyWords(slugBase(s)));
  const humanised = new Set(slugs.map(humanizeSlug));
  // Each distinct title once: a much-cited paper has many refs with the same few titles.
  for (const title of new Set(group.map((r) => r.title))) {
    const words = keyWords(title);
    const prose = !humanised.has(title);
    candidates.push({ title, words: words.length, prose });
    if (!prose) continue;
    for (const s of slugWords) {
      if (s.length > words.length && words.length >= 4 && words.every((w, i) => w === s[i])) {
        candidates.push({ title: `${title} ${humanizeWords(s.slice(words.length)).join(' ')}`, words: s.length, prose: true });
      }
    }
  }
  slugs.forEach((s, i) => candidates.push({ title: humanizeSlug(s), words: slugWords[i]?.length ?? 0, prose: false }));
  let best = candidates[0];
  for (const c of candidates) {
    if (!best || c.words > best.words || (c.words === best.words && c.prose && !best.prose)) best = c;
  }
  return best?.title ?? '';
}

/**
 * The key of the merged paper a ref belongs to: by slug, else by title key, else by the merge
 * rule against each paper's key, title and slugs. Falls back to the ref's own key when no paper
 * matches (e.g. the ref was not among those merged).
 */
export function paperKeyOf(ref: PaperRef, papers: Paper[]): string {
  return paperKeyFinder(papers)(ref);
}

/**
 * paperKeyOf for many refs against the same papers: each paper's keys are worked out once, and
 * each answer is remembered (an import asks for every card a citation's line covers, and the
 * same citation recurs across notes).
 */
export function paperKeyFinder(papers: Paper[]): (ref: PaperRef) => string {
  const keysOf = papers.map((p) => {
    const keys = [p.key, normalizeKey(p.title), ...p.slugs.map((s) => normalizeKey(slugBase(s)))];
    return { paper: p, keys, words: keys.map((k) => k.split('_')) };
  });
  // The answer depends on the ref's key and slug only: the same citation in many notes is looked up once.
  const known = new Map<string, string>();
  return (ref) => {
    const asked = `${ref.key}\u0000${ref.slug ?? ''}\u0000${ref.slug === null ? 0 : 1}`;
    let key = known.get(asked);
    if (key !== undefined) return key;
    const bySlug = ref.slug !== null ? papers.find((p) => p.slugs.includes(ref.slug ?? '')) : undefined;
    if (bySlug) key = bySlug.key;
    else {
      const own = refKeys(ref);
      const ownKeys = new Set(own.map((w) => w.join('_')));
      const exact = keysOf.find((p) => p.keys.some((k) => ownKeys.has(k)));
      const fuzzy = exact ?? keysOf.find((p) => p.words.some((k) => own.some((w) => keysMatch(w, k))));
      key = fuzzy?.paper.key ?? ref.key;
    }
    known.set(asked, key);
    return key;
  };
}

function uniqueBy<T>(items: T[], key: (item: T) => string): T[] {
  const seen = new Set<string>();
  return items.filter((item) => {
    const k = key(item);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
