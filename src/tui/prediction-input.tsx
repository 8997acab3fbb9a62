/** The input line of a predict-the-output or typed-answer card: what the learner has typed, one row per line. */
import { Text } from 'ink';
import { sanitizeText } from './render/index.js';

export function PredictionInput({ typed, checking, prompt = 'output> ' }: { typed: string; checking: boolean; prompt?: string }) {
  const lines = sanitizeText(typed).split('\n');
  const indent = ' '.repeat(prompt.length);
  return (
    <Text wrap="truncate-end">
      {lines.map((line, i) => `${i === 0 ? prompt : indent}${line}${i === lines.length - 1 && !checking ? '_' : ''}`).join('\n')}
    </Text>
  );
}
