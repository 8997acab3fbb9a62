import { describe, expect, it } from 'vitest';
import { dropSharedFronts } from '../../src/notes/prose-cards.js';
import { brief, note, parsed } from './helpers.js';

/**
 * Issue 11: ordinary lecture notes are full of lines that look like cards to a naive rule and are
 * not. Each small note here is one such pattern, and must give no card at all.
 */
const junk: Array<[string, string]> = [
  ['a generic heading: Overview', note('## Overview', 'This lecture covers scheduling, memory and file systems in some detail.')],
  ['a generic heading: Solution', note('## Solution', 'We iterate over the processes and give each a slice of the processor time.')],
  ['a generic heading: Put it all together', note('## Put it all together', 'The scheduler, the dispatcher and the timer interrupt work as one loop here.')],
  ['a generic heading: Summary, with a list', note('## Summary', '- Summarization', '- Translation', '- Creation')],
  ['a generic heading: Examples', note('### Examples', 'Examples are shown as follows: one process per line, with its burst time.')],
  ['a generic heading: References', note('## References', 'Silberschatz: Operating System Concepts, tenth edition, 2018.')],
  ['a generic heading in German: Zusammenfassung', note('## Zusammenfassung', 'Der Scheduler verteilt die Rechenzeit gleichmäßig auf alle Prozesse.')],
  ['a generic heading in French: Exemple', note('## Exemple', "Un processus attend pendant que l'autre utilise le processeur.")],
  ['an emoji-prefixed heading', note('## 🎯 Learning Objectives', 'Learning objectives: understand scheduling and compare the policies.')],
  ['an emoji-prefixed heading defining itself', note('## 🧠 Round robin', 'Round robin is a preemptive policy with a fixed time slice per process.')],
  ['a verb-phrase heading', note('## Breaking the Vocabulary Barrier', 'The lecture contrasts fixed-class detectors with open vocabulary models.')],
  ['an imperative heading', note('## Avoid linear layers', 'Fully connected layers have too many parameters and overfit quickly.')],
  ['a heading over a paragraph that points elsewhere', note('## Virtual memory', 'See the slides for the details of virtual memory and paging.')],
  ['a heading over "as follows:" with nothing after', note('## Basic Structure', 'Basic structure is shown as follows:')],
  ['a heading over "as follows:" with a list too long for a card', note('## Basic Structure', 'Basic structure is as follows:', ...Array.from({ length: 20 }, (_, i) => `- part number ${i + 1} of the structure`))],
  ['a heading over a sentence about something else', note('## Deep network architectures', 'The deep network is the core of the model and processes the tokens.')],
  ['GitBook hint tags', note('{% hint style="info" %}', '**Scheduling**: {% include "note.md" %}', '{% endhint %}')],
  ['GitBook tabs hold exercises', note('## Round robin', '{% tabs %}', '{% tab title="Exercise" %}', 'What is the average waiting time for these processes?', '- 7 ms', '{% endtab %}', '{% endtabs %}')],
  ['a Hugo shortcode', note('{{< notice warning >}}', 'Warning: this may change next year without notice.', '{{< /notice >}}')],
  ['a Docusaurus admonition label', note(':::note', ':::')],
  ['an HTML comment', note('<!--', '**Hidden term**: a definition the author commented out of the page', '-->')],
  ['a bare label', note('- **Description**: Embeds physical laws into the loss of the network.')],
  ['a label under a heading that is not a term', note('## Addressing Pipeline Bubbles', '- **Problem**: GPUs are idle while waiting for activations from the previous GPU.')],
  ['a label phrase with a sentence about something else', note('- **Typical Approach**: Online implementations often use loops to slide the kernel over the input.')],
  ['a quality used as a label', note('- **Interpretability**: Provides a clear probabilistic interpretation for each class.')],
  ['a point under a "Benefits of" heading', note('## Benefits of RL in LLMs', '- **Diversity**: RL keeps many generation strategies alive during training.')],
  ['printed output split at a colon', note('Epoch [45/50], D Loss: 0.3414, G Loss: 2.7712')],
  ['a number as a definition', note('- Learning rate: 0.001')],
  ['a code identifier as a term', note('- `model.fit()`: trains the model on the data for the given epochs')],
  ['a code walkthrough section', note('## Code walkthrough', '- **Line 3**: imports numpy and sets the random seed for the run')],
  ['escaped math', note('- **Softmax**: turns scores into \\$p_i = e^{z_i} / \\sum_j e^{z_j}\\$ for each class')],
  ["an author's to-do remark", note('TODO: explain the convoy effect with a diagram and an example')],
  ['a to-do checkbox', note('- [ ] Convoy effect: add the diagram from the slides here later on')],
  ['a vague question', note('What does this mean?', '', 'It means the processes wait for each other in a long queue.')],
  ['a question answered only by the next question number', note('How does BF16 differ from FP16 in training?', '', '**Q13.**')],
  ['a quiz section', note('## Part 1 Quiz', '- What is the convoy effect? Short processes wait behind a long one.')],
  ['a question answered by a pointer', note('- Why is round robin fair? See the slides.')],
  ['a question answered by "Let\'s consider an example."', note('Why is modifying existing code undesirable when adding features?', '', "Let's consider an example.")],
  ['a reversed card for a generic label', note('- **Run**: start the process again after it was preempted by the timer')],
  ['an interrogative pseudo-term', note('- **How to prevent it**: regularize the covariance matrix after every step')],
  ['a counted label over a list', note('Two constraints:', '- respect cross-modal interactions', '- respect temporal structure')],
];

describe('lines that look like cards but state nothing give no card', () => {
  it.each(junk)('%s', (_name, text) => {
    expect(brief(text)).toEqual([]);
  });
});

describe('what the junk rules must not throw away', () => {
  it('a label inside a term\'s bullets is asked about that term', () => {
    const text = note('- **Beam search**', '  - **Advantages**: optimises the likelihood of the whole sequence', '  - **Description**: keeps the k best partial sequences at each step');
    expect(brief(text).map((c) => c.front)).toEqual(['What are the advantages of Beam search?', 'What is Beam search?']);
  });

  it('a label under a heading that names a term is asked about the heading', () => {
    expect(brief(note('## Batch normalization', '- **Advantages**: stabilises training and tolerates poor initialisation')).map((c) => c.front)).toEqual(['What are the advantages of Batch normalization?']);
  });

  it('an answer that introduces a list includes the list', () => {
    expect(brief(note('## Round robin', 'Round robin is a preemptive policy, shown as follows:', '', '- each process gets a time slice', '- then goes to the back of the queue'))).toEqual([
      { kind: 'heading', front: 'What is Round robin?', back: 'Round robin is a preemptive policy, shown as follows:\n- each process gets a time slice\n- then goes to the back of the queue', line: 1 },
    ]);
  });

  it('a question answered by a paragraph that introduces a code block includes the block', () => {
    const text = note('How do you start a thread in Python?', '', 'Create a Thread with a target, then call its start method:', '', '```python', 't = Thread(target=work)', 't.start()', '```');
    expect(brief(text)[0]?.back).toBe('Create a Thread with a target, then call its start method:\n```python\nt = Thread(target=work)\nt.start()\n```');
  });

  it('a heading that asks a question is answered by its first paragraph', () => {
    expect(brief(note('## Why is round robin fair?', 'Every ready process gets the same time slice in turn.')).map((c) => c.front)).toEqual(['Why is round robin fair?']);
  });

  it('template tags are stripped from the text they surround, never copied', () => {
    const cards = brief(note('{% hint style="info" %}', '**Time slice**: the fixed {% raw %}period{% endraw %} a process may run before it is preempted', '{% endhint %}'));
    expect(cards[0]).toMatchObject({ front: 'What is Time slice?', back: 'the fixed period a process may run before it is preempted' });
  });

  it('every prose card carries the confidence of its rule, above the threshold', () => {
    const cards = parsed(note('- **Tensor fusion**: an outer product of both modality vectors', '- Simple fusion: adding or concatenating vectors', '', 'What is a time slice?', '- the period a process may run')).cards;
    expect(cards.map((c) => [c.kind, c.confidence])).toEqual([
      ['definition', 0.85],
      ['reversed', 0.65],
      ['definition', 0.7],
      ['qa', 0.9],
    ]);
    expect(cards.every((c) => c.origin === 'prose')).toBe(true);
  });

  it('a front repeated across a note is a label: those cards are dropped, a front used twice is kept', () => {
    const repeated = note('## Alpha', 'Graph networks:', '- first point here', '', '## Beta', 'Graph networks:', '- second point here', '', '## Gamma', 'Graph networks:', '- third point here');
    expect(brief(repeated)).toEqual([]);
    expect(brief(repeated.split('\n').slice(0, 7).join('\n'))).toHaveLength(2);
  });

  it('the per-deck pass drops prose fronts shared by many notes and keeps explicit cards', () => {
    const card = (front: string, origin: string): { front: string; origin: string } => ({ front, origin });
    const cards = [card('What is Example?', 'prose'), card('What is Example?', 'prose'), card('What is Example?', 'prose'), card('What is Example?', 'explicit'), card('What is paging?', 'prose')];
    expect(dropSharedFronts(cards)).toEqual([card('What is Example?', 'explicit'), card('What is paging?', 'prose')]);
  });
});
