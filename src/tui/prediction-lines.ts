/** A prediction's line-by-line comparison as screen lines: `  ` same, `- ` the real output, `+ ` what was typed. */
import type { PredictionLine } from '../collection/examples.js';

export function predictionDiffLines(diff: readonly PredictionLine[]): string[] {
  const out: string[] = [];
  for (const d of diff) {
    if (d.match) out.push(`  ${d.expected ?? ''}`);
    else {
      out.push(`- ${d.expected ?? '(no such line)'}`);
      out.push(`+ ${d.predicted ?? '(missing)'}`);
    }
  }
  return out;
}
