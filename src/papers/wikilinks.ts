/**
 * `[[wikilinks]]` in a line. In these notes a wikilink names the note of a paper, so each one
 * is a citation whose slug is the link target (`[[target|alias]]`, `[[target#heading]]`).
 * Embeds of media (`![[figure.png]]`) and same-note heading links (`[[#Section]]`) are not.
 */
import { GAP } from './markdown.js';

export interface Wikilink {
  slug: string;
  start: number;
  end: number;
}

// The inside stops at `[`, so an unclosed `[[` does not rescan the rest of the line.
const WIKILINK = /(!?)\[\[([^[\]\n]+?)\]\]/g;
const MEDIA = /\.(?:png|jpe?g|gif|svg|webp|bmp|mp4|mov|mp3|wav|excalidraw|canvas)$/i;

/** The wikilinks of a line, and the line with every `[[...]]` replaced by GAP. */
export function takeWikilinks(line: string): { links: Wikilink[]; masked: string } {
  const links: Wikilink[] = [];
  const masked = line.replace(WIKILINK, (whole: string, bang: string, inner: string, offset: number) => {
    const target = (inner.split('|')[0] ?? '').split('#')[0]?.trim() ?? '';
    if (bang === '' && target !== '' && !MEDIA.test(target)) {
      links.push({ slug: target, start: offset, end: offset + whole.length });
    }
    return GAP.repeat(whole.length);
  });
  return { links, masked };
}
