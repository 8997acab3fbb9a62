/**
 * Imported first by main.ts, so it runs before any other module compiles a regular expression.
 *
 * V8 normally interprets a regular expression on its first run and compiles it to machine code
 * on the next. For a short-lived CLI whose regexes (marked's grammar, Ink's width tables) are
 * large and run a handful of times, that does the work twice: measured on the first Markdown
 * card, 50 ms with tier-up and 16 ms without; later cards 10 ms and 1.6 ms.
 */
import v8 from 'node:v8';

v8.setFlagsFromString('--no-regexp-tier-up');
