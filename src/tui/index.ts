import type { Collection } from '../collection/index.js';

export async function runReview(_col: Collection, _deck?: string): Promise<void> {
  process.stdout.write('review UI coming\n');
}
