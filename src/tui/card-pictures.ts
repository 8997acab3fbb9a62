/**
 * A card side with its pictures: the text without the picture references, then one block per
 * picture (render/images.ts). The blocks' reserved rows are collected in `placements` for the
 * overlay that draws them after Ink's frame.
 */
import { withoutImageRefs } from '../collection/card-images.js';
import { imageBlock, type ImagePlacement, type PictureOptions, type ShownImage } from './render/images.js';

export interface CardPictures {
  images: readonly ShownImage[];
  options: PictureOptions;
  /** Filled by bodyLines: where each drawn picture's rows are. */
  placements: ImagePlacement[];
}

/** The lines of one side starting at body line `at`; `md` renders text to lines. */
export function sideWithPictures(text: string, side: 'front' | 'back', pictures: CardPictures, at: number, width: number, md: (text: string) => string[]): string[] {
  const mine = pictures.images.filter((image) => image.side === side);
  if (mine.length === 0) return md(text);
  const stripped = withoutImageRefs(text);
  const lines = stripped ? md(stripped) : [];
  for (const image of mine) {
    if (lines.length > 0) lines.push('');
    const block = imageBlock(image, at + lines.length, width, pictures.options);
    if (block.placement) pictures.placements.push(block.placement);
    lines.push(...block.lines);
  }
  return lines;
}
