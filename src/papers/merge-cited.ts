import type { PaperFacts } from '../core/index.js';

export type CitedPaperFacts = PaperFacts;

/**
 * What is kept when a paper already stored is cited again with other details: every author
 * and slug seen, the longer (fuller) title, and the venue and year first known.
 */
export function mergeCitedPaper<P extends CitedPaperFacts>(stored: P, cited: P): P {
  return {
    ...stored,
    title: cited.title.length >= stored.title.length ? cited.title : stored.title,
    authors: union(stored.authors, cited.authors),
    venue: stored.venue ?? cited.venue,
    year: stored.year ?? cited.year,
    slugs: union(stored.slugs, cited.slugs),
  };
}

function union(a: string[], b: string[]): string[] {
  return [...new Set([...a, ...b])];
}
