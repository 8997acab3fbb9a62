/** Papers cited by notes: extraction from Markdown and merging across notes. Pure functions. */
export { extractPaperRefs } from './extract.js';
export { mergePapers, paperKeyFinder, paperKeyOf, type Paper } from './merge.js';
export { mergeCitedPaper, type CitedPaperFacts } from './merge-cited.js';
export { keysMatch } from './match.js';
export { normalizeKey } from './normalize.js';
export { humanizeSlug } from './humanize.js';
export { parsePapersNote, findDeclared, mentionFinder, papersMentioned, resolvesToPaper, type DeclaredPaperEntry } from './papers-note.js';
