/** The input line of a predict-the-output card: what the learner has typed, one row per line. */
import { Text } from 'ink';
import { sanitizeText } from './render/index.js';

export function PredictionInput({ typed, checking }: { typed: string; checking: boolean }) {
  const lines = sanitizeText(typed).split('\n');
  return (
    <Text wrap="truncate-end">
      {lines.map((line, i) => `${i === 0 ? 'output> ' : '        '}${line}${i === lines.length - 1 && !checking ? '_' : ''}`).join('\n')}
    </Text>
  );
}
