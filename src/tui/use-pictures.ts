/**
 * The review's pictures: the current card's (asked of the controller once per card), the
 * options they are laid out with, and, after every render, the ones wholly on screen handed to
 * the overlay with their screen rows. Without an overlay (tests, `ENGRAM_IMAGES=off`, a terminal
 * without graphics) pictures are captions only.
 */
import { useEffect, useMemo, useRef } from 'react';
import type { GraphicsProtocol } from '../present/terminal-graphics.js';
import type { CardPictures } from './card-pictures.js';
import type { ReviewController } from './controller.js';
import type { GraphicsOverlay } from './graphics-overlay.js';
import { visiblePlacements, type ShownImage } from './render/images.js';
import { bodyHeightFor } from './review-screen.js';
import type { SessionState } from './session-reducer.js';

export interface ReviewGraphics {
  protocol: GraphicsProtocol;
  overlay?: GraphicsOverlay;
}

/** Rows above the body: the header line, the edited marker when shown, one blank line (review-screen.tsx). */
export function bodyTop(edited: boolean): number {
  return 2 + (edited ? 1 : 0);
}

export function usePictures(controller: ReviewController, state: SessionState, graphics: ReviewGraphics | undefined, width: number, height: number) {
  const current = state.current;
  const images: readonly ShownImage[] = useMemo(
    () => (current && controller.images ? controller.images(current.id) : []),
    [current?.id, current?.front, current?.back],
  );
  const holder = useRef<CardPictures | undefined>(undefined);
  const protocol = graphics?.overlay ? graphics.protocol : 'none';
  const bodyHeight = current ? bodyHeightFor(height, current.edited) : 3;

  /** A new layout record for bodyLines to fill (once per body computed). */
  const fresh = (): CardPictures | undefined => {
    holder.current = images.length > 0
      ? { images, options: { protocol, maxRows: Math.max(2, Math.floor(bodyHeight * 0.6)), maxCols: Math.max(10, width - 1) }, placements: [] }
      : undefined;
    return holder.current;
  };

  /** After each render: the pictures on screen go to the overlay (none while help or the end screen shows). */
  const useOverlay = (shown: SessionState, bodyLength: number): void => {
    useEffect(() => {
      const overlay = graphics?.overlay;
      if (!overlay) return;
      const card = shown.current;
      if (!card || shown.help || shown.phase === 'done' || !holder.current) {
        overlay.show([]);
        return;
      }
      overlay.show(visiblePlacements(holder.current.placements, { scroll: shown.scroll, bodyHeight, bodyLength, top: bodyTop(card.edited) }));
    });
  };

  return { images, fresh, useOverlay };
}
