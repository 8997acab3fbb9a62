/**
 * Words that tell a term from a label. Lecture notes name their sections and sub-points with the
 * same few words ("Overview", "Solution", "**Advantages**", "**Description**"); asking "What is
 * Solution?" teaches nothing. These lists decide which names are not terms at all, which are
 * labels that make sense only about a subject ("the advantages of beam search"), and which
 * sections hold exercises or code rather than statements.
 */

const normal = (text: string): string =>
  text
    .toLowerCase()
    .replace(/\*\*|__|[*_`]/g, '')
    .replace(/^[\s\d.)\-–—#]+/, '')
    .replace(/[\s:.!,;-]+$/, '')
    .replace(/\s+/g, ' ')
    .trim();

/** Headings that name a part of the text, in English and a few other languages. */
const GENERIC_HEADINGS = new Set([
  // English
  'overview', 'introduction', 'intro', 'summary', 'summaries', 'solution', 'solutions', 'example', 'examples',
  'notes', 'note', 'code', 'explanation', 'explanations', 'steps', 'put it all together', 'putting it all together',
  'recap', 'references', 'reference', 'conclusion', 'conclusions', 'background', 'motivation', 'outline', 'agenda',
  'contents', 'table of contents', 'toc', 'preface', 'appendix', 'exercise', 'exercises', 'practice', 'homework',
  'assignment', 'assignments', 'quiz', 'review', 'discussion', 'questions', 'answers', 'answer', 'question',
  'resources', 'further reading', 'reading', 'readings', 'links', 'see also', 'acknowledgements', 'acknowledgments',
  'credits', 'todo', 'to do', 'tbd', 'key points', 'key takeaways', 'takeaways', 'highlights', 'details', 'misc',
  'miscellaneous', 'other', 'others', 'general', 'basics', 'the basics', 'getting started', 'setup', 'set up',
  'installation', 'usage', 'demo', 'lab', 'output', 'result', 'results', 'implementation', 'definition',
  'definitions', 'terminology', 'problem', 'problems', 'problem statement', 'approach', 'method', 'methods',
  'idea', 'key idea', 'main idea', 'intuition', 'goal', 'goals', 'objectives', 'learning objectives', 'prerequisites',
  'requirements', 'final thoughts', 'wrap up', 'wrap-up', 'next steps', 'what next', "what's next", 'today',
  'lecture notes', 'slides', 'video', 'videos', 'tl;dr', 'tldr', 'faq', 'tips', 'hints', 'hint', 'warning',
  'caution', 'important', 'info', 'tip', 'aside', 'remarks', 'comments', 'analysis', 'evaluation', 'experiments',
  'experiment', 'data', 'dataset', 'datasets', 'setting', 'settings', 'context', 'impact', 'applications',
  'advantages', 'disadvantages', 'pros and cons', 'pros', 'cons', 'limitations', 'challenges', 'benefits',
  'drawbacks', 'use cases', 'key concepts', 'concepts', 'core concepts', 'main concepts', 'key features',
  'features', 'properties', 'structure', 'components', 'process', 'workflow', 'mechanism', 'how it works',
  'why it matters', 'significance', 'observations', 'observation', 'insights', 'key insights', 'takeaway',
  'comparison', 'trade-offs', 'tradeoffs', 'step by step', 'walkthrough', 'code walkthrough', 'code explanation',
  'sample code', 'source code', 'sample output', 'try it', 'try it yourself', 'your turn', 'test', 'tests',
  'testing', 'visualization', 'illustration', 'figure', 'figures', 'diagram', 'table', 'formula', 'formulas',
  'equation', 'equations', 'proof', 'derivation', 'theory', 'part', 'module', 'lecture', 'chapter', 'section',
  // German
  'übersicht', 'einleitung', 'einführung', 'zusammenfassung', 'beispiel', 'beispiele', 'lösung', 'lösungen',
  'aufgabe', 'aufgaben', 'übung', 'übungen', 'notizen', 'anmerkungen', 'fazit', 'literatur', 'quellen',
  // French
  'aperçu', 'résumé', 'exemple', 'exemples', 'exercice', 'exercices', 'remarques', 'conclusion générale',
  'références', 'bibliographie',
  // Spanish, Italian, Portuguese
  'resumen', 'introducción', 'ejemplo', 'ejemplos', 'solución', 'soluciones', 'ejercicio', 'ejercicios', 'notas',
  'riassunto', 'introduzione', 'esempio', 'esempi', 'soluzione', 'esercizi', 'resumo', 'introdução', 'exemplo',
  'exemplos', 'solução', 'exercícios',
]);

/**
 * Labels whose content is about the term above them, and how to ask about it: `{}` is the
 * subject. A label not in this table ("**Problem**", "**Runtime**") gives no card at all.
 */
const SUBJECT_LABELS: Record<string, string> = {
  description: 'What is {}?',
  definition: 'What is {}?',
  defn: 'What is {}?',
  def: 'What is {}?',
  meaning: 'What is {}?',
  'what it is': 'What is {}?',
  purpose: 'What is the purpose of {}?',
  goal: 'What is the goal of {}?',
  'key idea': 'What is the key idea of {}?',
  'main idea': 'What is the main idea of {}?',
  idea: 'What is the idea of {}?',
  intuition: 'What is the intuition behind {}?',
  advantages: 'What are the advantages of {}?',
  advantage: 'What is an advantage of {}?',
  disadvantages: 'What are the disadvantages of {}?',
  disadvantage: 'What is a disadvantage of {}?',
  pros: 'What are the pros of {}?',
  cons: 'What are the cons of {}?',
  benefits: 'What are the benefits of {}?',
  drawbacks: 'What are the drawbacks of {}?',
  limitations: 'What are the limitations of {}?',
  limitation: 'What is a limitation of {}?',
  applications: 'What are the applications of {}?',
  'use cases': 'What are the use cases of {}?',
  'how it works': 'How does {} work?',
  mechanism: 'How does {} work?',
  'why it matters': 'Why does {} matter?',
  significance: 'Why does {} matter?',
  formula: 'What is the formula for {}?',
  'time complexity': 'What is the time complexity of {}?',
  complexity: 'What is the complexity of {}?',
};

/** Other words used as sub-point labels; never a term on their own. */
const LABELS = new Set([
  ...GENERIC_HEADINGS,
  'runtime', 'efficiency', 'efficient', 'cost', 'costs', 'memory', 'speed', 'performance', 'accuracy', 'problem',
  'issue', 'issues', 'fix', 'cause', 'causes', 'effect', 'effects', 'reason', 'reasons', 'why', 'how', 'what',
  'when', 'where', 'who', 'outcome', 'outcomes', 'finding', 'findings', 'evidence', 'study highlight', 'highlight',
  'key point', 'point', 'points', 'main point', 'insight', 'key insight', 'lesson', 'lessons', 'status', 'role',
  'function', 'use', 'uses', 'input', 'inputs', 'returns', 'return', 'return value', 'parameters', 'params',
  'arguments', 'args', 'type', 'types', 'kind', 'variants', 'variant', 'strategy', 'strategies', 'technique',
  'techniques', 'solution idea', 'recommendation', 'recommendations', 'design choices', 'design choice', 'choice',
  'trade-off', 'tradeoff', 'caveat', 'caveats', 'note to self', 'nb', 'ps', 'p.s', 'edit', 'update', 'source',
  'sources', 'paper', 'papers', 'authors', 'author', 'year', 'date', 'time', 'speaker', 'instructor', 'professor',
  'topic', 'topics', 'focus', 'scope', 'aim', 'objective', 'step', 'first', 'second', 'third', 'then', 'next',
  'finally', 'last', 'before', 'after', 'now', 'later', 'here', 'there', 'yes', 'no', 'true', 'false', 'ok',
  'done', 'run', 'loss', 'score', 'value', 'values', 'range', 'size', 'shape', 'dimension', 'dimensions', 'notation',
  'training', 'inference', 'key features', 'key benefits', 'key components', 'characteristics', 'property',
  'feature', 'component', 'stage', 'stages', 'phase', 'phases', 'level', 'levels', 'case', 'cases', 'scenario',
  'challenge', 'benefit', 'drawback', 'application', 'use case', 'interpretation', 'implication', 'implications',
  'consequence', 'consequences', 'conclusion', 'observation', 'takeaway', 'important', 'key', 'main',
  ...Object.keys(SUBJECT_LABELS),
]);

/** Sections that hold exercises, solutions, code or pointers rather than statements: no cards at all. */
/** A quiz or an exercise sheet anywhere in a section's path: questions without reliable answers. */
const EXERCISE_PATH = /\b(?:quiz(?:zes)?|exercises|homework|problem sets?|practice (?:problems|questions)|review questions|self-test|flashcards?|cheat ?sheet)\b/i;

const SKIPPED_SECTION = /^(?:exercises?|solutions?|homework|assignments?|quiz(?:zes)?|labs?|practice|problems?|tasks?|questions?|examples?|code(?: \w+)?|sample code|source code|explanation of (?:the )?code|(?:the )?code explained|code (?:walkthrough|explanation|example)s?|walkthrough|(?:sample |example |program )?output|references|bibliography|(?:further|additional|suggested|recommended|optional) readings?|readings?|resources|links|see also|acknowledge?ments|credits|todo|to do|try it(?: yourself)?|your turn|demo|übung(?:en)?|aufgaben?|lösung(?:en)?|exercices?|ejercicios?|esercizi)(?:\s*[\p{N}IVX]+[a-z]?)?(?:\s*[:.\-–—(].*)?$/iu;

/** Verbs that open an instruction or an action: "Put it all together", "Avoid linear layers". */
const VERBS = new Set([
  'use', 'avoid', 'generate', 'compute', 'calculate', 'apply', 'add', 'remove', 'run', 'make', 'build', 'create',
  'write', 'read', 'get', 'set', 'put', 'take', 'try', 'keep', 'let', "let's", 'lets', 'define', 'implement',
  'initialize', 'initialise', 'install', 'train', 'test', 'evaluate', 'check', 'choose', 'select', 'pick',
  'update', 'load', 'save', 'call', 'return', 'replace', 'reduce', 'increase', 'decrease', 'start', 'stop', 'find',
  'learn', 'understand', 'consider', 'compare', 'combine', 'split', 'sort', 'store', 'send', 'open', 'close', 'move',
  'copy', 'convert', 'plot', 'print', 'import', 'export', 'download', 'upload', 'configure', 'deploy', 'prepare',
  'do', 'go', 'see', 'look', 'recall', 'remember', 'think', 'ask', 'solve', 'prove', 'show', 'explain', 'describe',
  'identify', 'determine', 'estimate', 'measure', 'minimize', 'minimise', 'maximize', 'maximise', 'optimize',
  'optimise', 'predict', 'normalize', 'normalise', 'standardize', 'standardise', 'fit', 'transform', 'encode',
  'decode', 'filter', 'merge', 'join', 'handle', 'manage', 'ensure', 'enable', 'disable', 'allow', 'prevent',
  'improve', 'break', 'fix', 'debug', 'visualize', 'visualise', 'analyze', 'analyse', 'summarize', 'summarise',
  'review', 'explore', 'introduce', 'discuss', 'wrap', 'follow', 'repeat', 'iterate', 'loop', 'pass', 'feed',
  'connect', 'link', 'click', 'type', 'enter', 'press', 'install', 'clone', 'fork', 'push', 'pull', 'commit',
  'go', 'meet', 'welcome', 'stay', 'avoid', 'beware', 'watch', 'note', 'mind', 'don\'t', 'do not', 'never', 'always',
  'decompose', 'center', 'centre', 'project', 'reshape', 'flatten', 'stack', 'concatenate', 'sample', 'resize', 'scale', 'shift', 'drop', 'mask', 'freeze', 'unfreeze', 'tune', 'finetune', 'fine-tune',
]);

/** A gerund that takes an object is an action: "Breaking the barrier", "Cleaning up data", "Putting it together". */
const GERUND_PHRASE = /^\p{L}+ing\s+(?:the|a|an|up|it|out|down|with|your|our|this|these|those|them|on|off|into|to|over|through|back|away|more|some|all|each|every)\b/iu;

const EMOJI_START = /^[\s*_]*(?:\p{Extended_Pictographic}|\p{Regional_Indicator})/u;

export function isEmojiStart(text: string): boolean {
  return EMOJI_START.test(text);
}

export function isGenericHeading(title: string): boolean {
  const n = normal(title);
  return n === '' || GENERIC_HEADINGS.has(n) || GENERIC_HEADINGS.has(n.replace(/\s+[\p{N}ivx]+[a-z]?$/u, ''));
}

export function isSkippedSection(title: string): boolean {
  return SKIPPED_SECTION.test(normal(title)) || EXERCISE_PATH.test(title);
}

/** Nouns that head a label rather than a term: "Initial Step", "Typical Approach", "Code Efficiency". */
const LABEL_HEADS = new Set([
  'step', 'approach', 'trend', 'case', 'efficiency', 'characteristic', 'process', 'idea', 'popularity', 'context',
  'role', 'importance', 'implication', 'consideration', 'observation', 'insight', 'issue', 'problem', 'challenge',
  'advantage', 'benefit', 'limitation', 'drawback', 'point', 'takeaway', 'goal', 'objective', 'motivation',
  'summary', 'overview', 'result', 'outcome', 'effect', 'impact', 'focus', 'concern', 'question', 'answer',
  'solution', 'strategy', 'usage', 'use', 'application', 'example', 'note', 'detail', 'aspect', 'factor',
  'feature', 'requirement', 'assumption', 'mechanism', 'workflow', 'setup', 'scenario', 'setting', 'condition',
  'difference', 'comparison', 'relationship', 'connection', 'contribution', 'evolution', 'history', 'status',
  'trade-off', 'tradeoff', 'cost', 'performance', 'behavior', 'behaviour', 'highlight', 'lesson', 'reason',
  'purpose', 'need', 'argument', 'claim', 'finding', 'evidence', 'explanation', 'description', 'definition',
  'intuition', 'analogy', 'metaphor', 'caveat', 'warning', 'tip', 'recommendation', 'option', 'alternative',
  'choice', 'decision', 'design', 'principle', 'theme', 'topic', 'concept', 'component', 'element', 'part',
  'stage', 'phase', 'task', 'operation', 'property', 'constraint', 'criterion', 'criteria', 'metric', 'measure',
  'structure', 'format', 'input', 'output', 'data', 'information', 'implementation', 'method', 'technique',
  'bottleneck', 'reference', 'algorithm', 'outline', 'analysis', 'type', 'category', 'quote', 'source', 'gain', 'refresher', 'parameter', 'consequence', 'significance', 'relevance', 'scope', 'notation', 'intro', 'introduction',
]);
const LABEL_MODIFIERS = new Set([
  'initial', 'typical', 'current', 'past', 'special', 'main', 'key', 'core', 'general', 'basic', 'common',
  'practical', 'final', 'overall', 'primary', 'major', 'minor', 'alternative', 'additional', 'further', 'new',
  'old', 'traditional', 'modern', 'early', 'recent', 'simple', 'naive', 'first', 'second', 'third', 'next',
  'last', 'other', 'important', 'critical', 'central', 'real-world', 'real', 'technical', 'potential', 'possible',
  'specific', 'underlying', 'fundamental', 'high-level', 'higher', 'lower', 'different', 'similar', 'related',
  'proposed', 'our', 'their', 'this', 'code', 'design', 'training', 'input', 'output', 'data', 'model',
  'performance', 'memory', 'computational', 'historical', 'theoretical', 'empirical', 'experimental', 'broader',
  'future', 'open', 'remaining', 'significant', 'notable', 'practical', 'big', 'small', 'major', 'key', 'main',
  'practical', 'architectural', 'implementation', 'usage', 'use', 'design', 'research', 'study', 'lecture',
  'course', 'course', 'overall', 'same', 'one', 'two', 'three', 'multiple', 'several', 'many', 'common', 'shared',
  'unique', 'unified', 'relevant', 'efficiency', 'quality', 'connection', 'application', 'example', 'visual',
  'and', 'of', 'the', 'a', 'an', 'for', 'in', 'to', 'with', '&', 'vs', 'vs.', 'its',
]);

const singular = (word: string): string => (/(?:ss|us|is)$/.test(word) ? word : word.replace(/ies$/, 'y').replace(/s$/, ''));

function isLabelPhrase(n: string): boolean {
  const words = n.split(/\s+/).filter((w) => w !== '');
  if (words.length < 2 || words.length > 5) return false;
  const head = singular(words[words.length - 1] ?? '');
  return LABEL_HEADS.has(head) && words.slice(0, -1).every((w) => LABEL_MODIFIERS.has(w) || LABEL_HEADS.has(singular(w)));
}

export function isLabel(term: string): boolean {
  const n = normal(term);
  // A quality ("Interpretability", "Robustness") is a point made about something, not a term.
  // A quality ("Interpretability", "Robustness") or a bare adjective ("Analytical") is a point made about something, not a term.
  if (/^\p{L}+(?:ity|ness|ical|ous|ible|ful|less)$/u.test(n)) return true;
  return LABELS.has(n) || isLabelPhrase(n) || LABEL_HEADS.has(singular(n)) || LABELS.has(n.replace(/\s+[\p{N}ivx]+[a-z]?$/u, '')) || /^(?:step|part|line|case|option|phase|stage|epoch|iteration|round|example|rule|tip|note|point|level|type|version|q|a)\s*[\p{N}ivx]+[a-z]?\b/iu.test(n);
}

/** The question to ask about a label's content, given the term it belongs to; null when the label cannot be asked about. */
export function labelQuestion(label: string, subject: string): string | null {
  const pattern = SUBJECT_LABELS[normal(label)];
  return pattern ? pattern.replace('{}', subject) : null;
}

export function isVerbPhrase(text: string): boolean {
  const plainText = text.replace(/\*\*|__|[*_`]/g, '').trim();
  const first = (/^[\p{L}'’-]+/u.exec(plainText)?.[0] ?? '').toLowerCase().replace('’', "'");
  if (VERBS.has(first) && !/^\p{Lu}{2,}/u.test(plainText)) return true;
  return GERUND_PHRASE.test(plainText);
}

/** Authors' reminders to themselves: not content. */
export function isToDo(text: string): boolean {
  return /^(?:[-*+]\s*)?(?:\[[ xX]?\]\s*)?(?:todo|to-?do|fixme|xxx|tbd|tba|wip|note to self|reminder)\b/i.test(text.replace(/\*\*|__/g, '').trim());
}

/** A sentence that only sends the reader elsewhere or announces what follows. */
export function isPointer(text: string): boolean {
  const t = text.replace(/\*\*|__/g, '').trim();
  if (t === '') return true;
  if (/https?:\/\//.test(t) && t.split(/\s+/).length <= 8) return true;
  if (/^(?:now )?(?:let's|let us|we'll|we will)\s+(?:consider|look at|see|take|start|begin|study|try)\b/i.test(t) && t.split(/\s+/).length <= 8) return true;
  if (/^(?:consider|here is|here's|take) (?:an|this|the following) example\b/i.test(t)) return true;
  if (/^(?:see|cf\.?|refer to|check(?: out)?|read|watch|look at|more (?:on|about|in)|details (?:in|on|at)|slides?|link|source|video)\b/i.test(t)) return true;
  if (/\b(?:as follows|as shown below|shown below|given below|listed below|the following)\s*[:.]?$/i.test(t) || /\b(?:below|here)\s*:$/i.test(t)) return true;
  if (/\b(?:see|in) (?:the )?(?:slides?|lecture|video|book|chapter|figure|notebook|paper)\b[^.]*\.?$/i.test(t) && t.split(/\s+/).length <= 10) return true;
  return false;
}

/** Words that open a clause, not a definition: "While pooling was popular, …", "However, …". */
const CLAUSE_START = /^(?:while|although|though|when|whenever|if|unless|unlike|since|because|as|however|initially|historically|currently|typically|often|usually|today|nowadays|recently|previously|later|later on|in|for|by|with|without|even|only|also|thus|therefore|hence|so|but|and|then|here|there|both|each|every|all|most|many|some|several|few|no|none|once|after|before|during|due|according)\b/i;

/** Verbs that make a line a statement about its own subject: "Spatial structure is essential." */
const FINITE_VERB = /\s(?:is|are|was|were|has|have|had|can|could|will|would|should|must|may|might|do|does|did|remains?|becomes?|became|requires?|uses?|used|provides?|allows?|enables?|helps?|makes?|made|leads?|led|takes?|took|gives?|gave|shows?|showed|involves?|includes?|relies|rely|tends?|needs?|seems?|appears?|retains?|abstracts?|upsamples?|processes|computes?|offers?|achieves?|reduces?|increases?|guarantees?|improves?|works?|performs?|produces?|generates?|learns?|captures?|handles?|introduces?|replaces?|dominates?|outperforms?|matters?|depends?|varies|vary|exists?|occurs?|happens?|comes?|came|goes|went|gets?|got|operates?|focuses|focus|drives?|grows?|grew|scales?|remained|plays?|serves?|stays?|ensures?|limits?|causes?|affects?|results?|means|refers)\b/i;

/**
 * A full sentence about something other than the term: `**Typical Approach**: Online implementations
 * use loops …`. The term is then a label for a point, not the thing the sentence defines. A
 * sentence whose subject is the term itself, a pronoun for it, or the reader ("You add a 1 …") is a
 * definition.
 */
export function isSentenceAboutOther(rest: string, term: string): boolean {
  const text = rest.replace(/\*\*|__/g, '').trim();
  // A fragment in lower case ("models learn to rely on one modality") is the writer's own gloss of the term.
  if (/^\p{Ll}/u.test(text)) return false;
  if (CLAUSE_START.test(text)) return true;
  const verb = FINITE_VERB.exec(` ${text}`);
  if (!verb || verb.index === 0) return false;
  const subject = text.slice(0, verb.index - 1).trim();
  if (subject === '' || subject.split(/\s+/).length > 10 || /[:;]/.test(subject)) return false;
  if (/^(?:it|this|they|these|you|we|one|its|their)\b/i.test(subject)) return false;
  const termWords = term.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter((w) => w.length > 2).map(singular);
  const subjectWords = new Set(subject.toLowerCase().split(/[^\p{L}\p{N}]+/u).map(singular));
  return !termWords.some((w) => subjectWords.has(w));
}

/** A heading that lists points of something ("Benefits of RL", "Practical Tricks"): its bold lines are points, not terms. */
const POINTS_HEADING = /\b(?:benefits|advantages|disadvantages|limitations|challenges|applications|properties|features|characteristics|implications|takeaways|insights|trends|tricks|tips|lessons|considerations|issues|problems|observations|contributions|differences|steps|reasons|pros|cons|highlights|consequences|outcomes|results|findings|goals|objectives|requirements|strengths|weaknesses)\b/i;

export function isPointsHeading(title: string): boolean {
  return POINTS_HEADING.test(title);
}

/** "FSDP Overview", "Convolution Recap": the term is what comes before the generic tail. */
export function withoutGenericTail(term: string): string {
  const stripped = term.replace(/^(?:(?:a )?(?:summary|overview|recap|introduction|intro|basics|refresher|notes|primer) (?:of|to|on)|a (?:look|closer look) at)\s+/i, '').replace(/\s+(?:overview|recap|summary|basics|intro|introduction|explained|revisited|refresher|in a nutshell|in brief)$/i, '').trim();
  return stripped === '' ? term : stripped;
}

/** "The deep network is the core …": a clause with its own subject and verb, not a defining phrase. */
export function hasOwnClause(text: string): boolean {
  const plainText = text.replace(/\*\*|__/g, '').trim();
  const verb = FINITE_VERB.exec(` ${plainText}`);
  if (!verb || verb.index === 0) return false;
  const subject = plainText.slice(0, verb.index - 1);
  return !/\b(?:that|which|who|whom|whose|where|to)\b|,/i.test(subject);
}
