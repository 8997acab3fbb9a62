/**
 * When two normalised titles name the same paper, and a candidate search that avoids comparing
 * every pair (a collection can cite thousands of papers).
 *
 * Same paper when: equal; one is a prefix of the other with at least 4 words (notes shorten
 * titles: "On Deep Multi-view representation learning" vs the full slug); or their words of 3+
 * letters overlap with Jaccard >= 0.8, at least 4 such words each, and the same numbers (typos
 * and rewordings merge; "DALL-E 2" and "DALL-E 3" must not).
 */

export interface KeyInfo {
  words: string[];
  /** Distinct words of 3+ letters (not digits only), sorted. */
  sig: string[];
  /** The digit-only words, sorted and joined: a different number is a different paper. */
  numbers: string;
}

const MIN_PREFIX = 4;
const MIN_SIG = 4;

export function keyInfo(words: readonly string[]): KeyInfo {
  const isNumber = (w: string): boolean => /^\d+$/.test(w);
  return {
    words: [...words],
    sig: [...new Set(words.filter((w) => w.length >= 3 && !isNumber(w)))].sort(),
    numbers: words.filter(isNumber).sort().join(' '),
  };
}

export function infoMatch(a: KeyInfo, b: KeyInfo): boolean {
  if (a.words.length === 0 || b.words.length === 0) return false;
  const [short, long] = a.words.length <= b.words.length ? [a.words, b.words] : [b.words, a.words];
  const isPrefix = short.every((w, i) => w === long[i]);
  if (isPrefix && (short.length === long.length || short.length >= MIN_PREFIX)) return true;
  if (a.numbers !== b.numbers || Math.min(a.sig.length, b.sig.length) < MIN_SIG) return false;
  const other = new Set(b.sig);
  const shared = a.sig.filter((w) => other.has(w)).length;
  // Jaccard >= 0.8 in integers: shared / union >= 4 / 5.
  return shared * 5 >= 4 * (a.sig.length + b.sig.length - shared);
}

/** Whether two word lists (from `keyWords`) name the same paper. */
export function keysMatch(a: readonly string[], b: readonly string[]): boolean {
  return infoMatch(keyInfo(a), keyInfo(b));
}

/**
 * All index pairs [i, j] (i < j) of matching keys. Candidates come from two indexes instead of
 * all pairs: keys sharing their first 4 words (the prefix rule needs that), and keys sharing one
 * of their rarest words (prefix filtering: two sets with Jaccard >= 0.8 must share one of the
 * first |s| - ceil(0.8 |s|) + 1 words of each, taken in a common rarest-first order).
 */
export function matchingPairs(infos: readonly KeyInfo[]): Array<[number, number]> {
  const candidates = new Map<number, Set<number>>();
  const addGroup = (group: number[]): void => {
    for (let x = 0; x < group.length; x++) {
      for (let y = x + 1; y < group.length; y++) {
        const i = Math.min(group[x] ?? 0, group[y] ?? 0);
        const j = Math.max(group[x] ?? 0, group[y] ?? 0);
        if (i === j) continue;
        const set = candidates.get(i) ?? new Set<number>();
        set.add(j);
        candidates.set(i, set);
      }
    }
  };

  const byHead = new Map<string, number[]>();
  infos.forEach((info, i) => {
    if (info.words.length < MIN_PREFIX) return;
    const head = info.words.slice(0, MIN_PREFIX).join('_');
    const group = byHead.get(head);
    if (group) group.push(i);
    else byHead.set(head, [i]);
  });
  for (const group of byHead.values()) addGroup(group);

  const frequency = new Map<string, number>();
  for (const info of infos) for (const w of info.sig) frequency.set(w, (frequency.get(w) ?? 0) + 1);
  const rarestFirst = (a: string, b: string): number => (frequency.get(a) ?? 0) - (frequency.get(b) ?? 0) || (a < b ? -1 : a > b ? 1 : 0);
  const byToken = new Map<string, number[]>();
  infos.forEach((info, i) => {
    const n = info.sig.length;
    if (n < MIN_SIG) return;
    const prefix = n - Math.floor((4 * n + 4) / 5) + 1;
    for (const w of [...info.sig].sort(rarestFirst).slice(0, prefix)) {
      const group = byToken.get(w);
      if (group) group.push(i);
      else byToken.set(w, [i]);
    }
  });
  for (const group of byToken.values()) addGroup(group);

  const pairs: Array<[number, number]> = [];
  for (const [i, js] of candidates) {
    for (const j of js) {
      const a = infos[i];
      const b = infos[j];
      if (a && b && infoMatch(a, b)) pairs.push([i, j]);
    }
  }
  return pairs;
}
