/**
 * engram's entry point: argv → command → exit code (0 success, 1 failure, 2 usage error).
 * Heavy modules (Ink, the importer) are imported only by the commands that need them, so
 * `engram due` does not pay for the terminal UI.
 */
import './v8-flags.js';
import { Command, CommanderError, Option } from 'commander';
import { EngramError, trace } from '../core/index.js';
import { Collection, resolveDbPath } from '../collection/index.js';
import * as study from './commands/study.js';

interface GlobalOptions {
  db?: string;
}

function withCollection<A extends unknown[]>(program: Command, fn: (col: Collection, ...args: A) => void | Promise<void>) {
  return async (...args: A) => {
    const col = Collection.open(resolveDbPath((program.opts() as GlobalOptions).db));
    trace('database open');
    try {
      await fn(col, ...args);
    } finally {
      col.close();
    }
  };
}

export function buildProgram(): Command {
  const program = new Command();
  program
    .name('engram')
    .description('Spaced repetition for your own Markdown notes. With no command, opens the review session.')
    .version('0.1.0')
    .option('--db <path>', 'database file (default: $ENGRAM_DB, else data/engram.db in the project checkout, else the XDG data dir)')
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride()
    .configureOutput({ outputError: (text, write) => write(text) });

  const json = () => new Option('--json', 'print JSON');

  program.command('review', { isDefault: true })
    .description('open the review session (the default command)')
    .option('--deck <name>', 'only this deck')
    .action(withCollection(program, async (col, opts: { deck?: string }) => {
      const { reviewCommand } = await import('./commands/review.js');
      await reviewCommand(col, opts);
    }));

  program.command('start')
    .description('import the bundled decks (new or changed files only), then open the review session — what `npm start` runs')
    .action(withCollection(program, async (col) => {
      const { startCommand } = await import('./commands/review.js');
      await startCommand(col);
    }));

  program.command('import')
    .description('import Markdown notes (files or folders) as cards; re-importing keeps each card\'s history')
    .argument('<paths...>', 'files or folders (folders are searched recursively for .md files)')
    .option('--deck <name>', 'put the cards in this deck (default: frontmatter `deck`, else the folder or file name)')
    .option('--dry-run', 'show what would change without writing anything')
    .addOption(json())
    .action(withCollection(program, async (col, paths: string[], opts: { deck?: string; dryRun?: boolean; json?: boolean }) => {
      const { importCommand } = await import('./commands/import.js');
      importCommand(col, paths, opts);
    }));

  program.command('decks').description('list decks with total, new, learning, due today and suspended counts')
    .addOption(json()).action(withCollection(program, study.decksCommand));

  program.command('cards').description('list cards')
    .option('--deck <name>', 'only this deck').option('--search <text>', 'only cards whose front or back contains text')
    .addOption(json()).action(withCollection(program, study.cardsCommand));

  program.command('due').description("today's queue, in the order the review session shows it")
    .option('--deck <name>', 'only this deck').addOption(json()).action(withCollection(program, study.dueCommand));

  program.command('answer').description('answer a card: again|hard|good|easy (or 1-4)')
    .argument('<card-id>').argument('<rating>')
    .option('--duration-ms <ms>', 'how long the answer took, for the review log')
    .addOption(json()).action(withCollection(program, study.answerCommand));

  program.command('add').description('add one card by hand (creates the deck when new)')
    .requiredOption('--deck <name>', 'deck').requiredOption('--front <text>', 'question side').requiredOption('--back <text>', 'answer side')
    .addOption(json()).action(withCollection(program, study.addCommand));

  program.command('undo').description('undo the most recent answer (restores the card, removes its log row)')
    .addOption(json()).action(withCollection(program, study.undoCommand));

  program.command('suspend').description('take a card out of the queue until unsuspended').argument('<card-id>')
    .addOption(json()).action(withCollection(program, (col, id: string, opts: { json?: boolean }) => study.suspendCommand(col, id, true, opts)));

  program.command('unsuspend').description('put a suspended card back in the queue').argument('<card-id>')
    .addOption(json()).action(withCollection(program, (col, id: string, opts: { json?: boolean }) => study.suspendCommand(col, id, false, opts)));

  program.command('bury').description('hide a card until the next study day').argument('<card-id>')
    .addOption(json()).action(withCollection(program, study.buryCommand));

  program.command('show').description('show a card, its schedule, next intervals and review history').argument('<card-id>')
    .addOption(json()).action(withCollection(program, study.showCommand));

  program.command('config').description('read or set deck options (all decks unless --deck)')
    .argument('[key]').argument('[value]').option('--deck <name>', 'only this deck')
    .addOption(json()).action(withCollection(program, study.configCommand));

  program.command('papers').description('list the papers your notes cite')
    .addOption(json()).action(withCollection(program, study.papersCommand));

  return program;
}

export async function main(argv: string[]): Promise<number> {
  trace('main');
  const program = buildProgram();
  try {
    await program.parseAsync(argv, { from: 'user' });
    // A command that partly failed (import with a bad file) sets process.exitCode itself.
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help') return 0;
      return 2;
    }
    if (error instanceof EngramError) {
      process.stderr.write(`engram: ${error.message}\n`);
      return error.exitCode;
    }
    process.stderr.write(`engram: unexpected error: ${(error as Error).stack ?? String(error)}\n`);
    return 1;
  }
}

const code = await main(process.argv.slice(2));
process.exitCode = code;
