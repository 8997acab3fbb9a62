/**
 * engram's entry point: argv → command → exit code (0 success, 1 failure, 2 usage error).
 * Heavy modules (Ink, the importer) are imported only by the commands that need them, so
 * `engram due` does not pay for the terminal UI.
 */
import './v8-flags.js';
import { Command, CommanderError, Option } from 'commander';
import { now, trace } from '../core/index.js';
import { Collection, SEARCH_ORDERS, resolveDbPath } from '../collection/index.js';
import * as study from './commands/study/index.js';
import { onOutputError, reportFailure } from './exit.js';
import { onCollection } from './open-collection.js';
import { safeText } from './format.js';

interface GlobalOptions {
  db?: string;
}

/** The database the command runs on, for errors SQLite raises without naming the file. */
let databasePath = 'the database';

function withCollection<A extends unknown[]>(program: Command, fn: (col: Collection, ...args: A) => void | Promise<void>) {
  return async (...args: A) => {
    databasePath = resolveDbPath((program.opts() as GlobalOptions).db);
    await onCollection(databasePath, (col) => fn(col, ...args));
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
    .configureOutput({ outputError: (text, write) => write(safeText(text)) });

  const json = () => new Option('--json', 'print JSON');

  program.command('review', { isDefault: true })
    .description('open the review session (the default command)')
    .option('--deck <name>', 'only this deck')
    .option('--query <query>', 'custom study: exactly the cards this search selects, due or not (see README: Searching)')
    .option('--limit <n>', 'with --query: at most this many cards, earliest due first')
    .option('--preview', 'with --query: cram, answers change no schedule (logged as previews)')
    .action(withCollection(program, async (col, opts: { deck?: string; query?: string; limit?: string; preview?: boolean }) => {
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
    .option('--prose-cards <mode>', "cards found in prose: suggest (wait for `engram triage`), auto (straight to the queue) or off; default: each deck's proseCards option")
    .addOption(json())
    .action(withCollection(program, async (col, paths: string[], opts: { deck?: string; dryRun?: boolean; json?: boolean; proseCards?: string }) => {
      const { importCommand } = await import('./commands/import.js');
      await importCommand(col, paths, opts);
    }));

  program.command('triage').description('decide on suggestions (cards found in prose): accept into the queue, reject, edit the note')
    .option('--deck <name>', 'only this deck')
    .action(withCollection(program, async (col, opts: { deck?: string }) => {
      const { triageCommand } = await import('./commands/triage.js');
      await triageCommand(col, opts);
    }));

  for (const decision of ['accept', 'reject'] as const) {
    program.command(decision)
      .description(decision === 'accept'
        ? 'put suggestions (cards found in prose) into the queue, by id or all of a note'
        : 'reject suggestions: they stay out of the queue while their text is unchanged')
      .argument('[card-ids...]').option('--note <file>', 'every suggestion of this note')
      .addOption(json())
      .action(withCollection(program, async (col, ids: string[], opts: { note?: string; json?: boolean }) => {
        const { decideCommand } = await import('./commands/decide.js');
        decideCommand(col, decision, ids, opts);
      }));
  }

  program.command('browse')
    .description('browse cards in a terminal screen: a query line, the list, the selected card; suspend, flag, edit, review the selection')
    .option('--query <query>', 'start with this search (see README: Searching)')
    .action(withCollection(program, async (col, opts: { query?: string }) => {
      const { browseCommand } = await import('./commands/browse.js');
      await browseCommand(col, opts);
    }));

  program.command('decks').description('list decks with total, new, learning, due today and suspended counts')
    .addOption(json()).action(withCollection(program, study.decksCommand));

  program.command('cards').description('list cards')
    .option('--deck <name>', 'only this deck').option('--query <query>', 'only the cards this search selects (see README: Searching)')
    .option('--search <text>', 'only cards with this word or phrase in the front or back (the same as --query \'"text"\')')
    .option('--order <order>', `card order: ${SEARCH_ORDERS.join(', ')} (default id)`)
    .option('--limit <n>', 'at most this many cards').option('--offset <n>', 'skip this many cards first')
    .addOption(json()).action(withCollection(program, study.cardsCommand));

  program.command('due').description("today's queue, in the order the review session shows it")
    .option('--deck <name>', 'only this deck').option('--query <query>', "only the cards of today's queue this search selects")
    .addOption(json()).action(withCollection(program, study.dueCommand));

  program.command('answer').description('answer a card: again|hard|good|easy (or 1-4)')
    .argument('<card-id>').argument('<rating>')
    .option('--duration-ms <ms>', 'how long the answer took, for the review log')
    .addOption(json()).action(withCollection(program, study.answerCommand));

  program.command('add').description('add one card by hand (creates the deck when new)')
    .requiredOption('--deck <name>', 'deck').requiredOption('--front <text>', 'question side').requiredOption('--back <text>', 'answer side')
    .addOption(json()).action(withCollection(program, study.addCommand));

  program.command('undo').description('undo the most recent action of any kind: answer, suspend, bury, flag, forget, tag, reschedule')
    .addOption(json()).action(withCollection(program, study.undoCommand));

  program.command('forget').description('put cards back to new, as Anki\'s Reset (their review history is kept)').argument('<card-id...>')
    .addOption(json()).action(withCollection(program, study.forgetCommand));

  program.command('flag').description('flag cards: 0 clears, 1 red, 2 orange, 3 green, 4 blue (engram flag 12 13 2)').argument('<args...>', 'card ids, then the flag')
    .addOption(json()).action(withCollection(program, study.flagCommand));

  program.command('tag').description('add (+tag) and remove (-tag) tags by hand; kept when the note is re-imported (engram tag 12 +exam -old)')
    .argument('<args...>', 'card ids and +tag/-tag edits').allowUnknownOption()
    .addOption(json()).action(withCollection(program, study.tagCommand));

  program.command('reschedule').description('make cards due in N days, as Anki\'s Set due date (they stay in review)').argument('<card-id...>')
    .option('--days <n>', 'days from today (0: due now)')
    .addOption(json()).action(withCollection(program, study.rescheduleCommand));

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

  program.command('optimize').description('fit FSRS weights to your review log; stored on a deck only when they predict it better')
    .option('--deck <name>', 'fit and judge this deck only (default: one fit on all reviews, judged per deck)')
    .option('--retention', 'how to choose a desired retention (points to engram simulate)')
    .addOption(json()).action(withCollection(program, async (col, opts: { deck?: string; json?: boolean; retention?: boolean }) => {
      const { optimizeCommand } = await import('./commands/optimize.js');
      await optimizeCommand(col, opts);
    }));

  program.command('simulate').description('workload and memory against desired retention (0.70-0.97), simulated on your deck and log')
    .option('--deck <name>', 'only this deck').option('--days <n>', 'days to simulate (default 365)').option('--seed <n>', 'random seed (default 42)')
    .addOption(json()).action(withCollection(program, async (col, opts: { deck?: string; days?: string; seed?: string; json?: boolean }) => {
      const { simulateCommand } = await import('./commands/simulate.js');
      await simulateCommand(col, opts);
    }));

  program.command('stats').description('progress: reviews per day, due forecast, true retention, card counts, streaks')
    .option('--deck <name>', 'only this deck')
    .option('--calibration', 'also replay the log: predicted vs observed recall, leeches by memory (always in --json)')
    .addOption(json())
    .action(withCollection(program, async (col, opts: { deck?: string; json?: boolean; calibration?: boolean }) => {
      const { statsCommand } = await import('./commands/stats.js');
      await statsCommand(col, opts);
    }));

  const quiz = program.command('quiz').description('quiz yourself (FSRS-scheduled): `quiz papers` asks about the papers your notes cite');
  quiz.command('papers').description('which paper did what: multiple choice and typed titles (Ink session, or the next question with --json)')
    .option('--deck <name>', 'only papers cited by cards of this deck (or declared in its papers note)')
    .option('--count <n>', 'ask at most n papers (a failed one may be asked again)').option('--seed <n>', 'pin the question forms and choices')
    .addOption(json()).action(withCollection(program, async (col, opts: { deck?: string; count?: string; seed?: string; json?: boolean }) => {
      const { quizPapersCommand } = await import('./commands/quiz.js');
      await quizPapersCommand(col, opts);
    }));
  quiz.command('answer').description('answer a question printed by `quiz papers --json` (a choice 1-4 or a title); saves the review')
    .argument('<question-id>').argument('<answer>')
    .option('--grade <grade>', 'override the suggested grade: again|hard|good|easy (or 1-4)')
    .option('--duration-ms <ms>', 'how long the answer took (fast and exact → easy, slow → hard)')
    .addOption(json()).action(withCollection(program, async (col, id: string, answer: string, opts: { grade?: string; durationMs?: string; json?: boolean }) => {
      const { quizAnswerCommand } = await import('./commands/quiz.js');
      quizAnswerCommand(col, id, answer, opts);
    }));

  program.command('export').description('every card with its schedule and review log, as a JSON backup or CSV (stdout unless --out)')
    .option('--format <format>', 'json (a backup `import-backup` restores) or csv', 'json').option('--deck <name>', 'only this deck')
    .option('--query <query>', 'only the cards this search selects (see README: Searching)')
    .option('--out <file>', 'write to this file').option('--reviews', 'with --format csv: one row per review instead of per card')
    .action(withCollection(program, async (col, opts: { format?: string; deck?: string; query?: string; out?: string; reviews?: boolean }) => {
      const { exportCommand } = await import('./commands/export.js');
      exportCommand(col, opts);
    }));
  program.command('import-backup').description('restore a JSON export into an empty database (one transaction)').argument('<file>')
    .addOption(json()).action(withCollection(program, async (col, file: string, opts: { json?: boolean }) => {
      const { importBackupCommand } = await import('./commands/backup.js');
      importBackupCommand(col, file, opts);
    }));
  program.command('backup').description('copy the live database to backups/ beside it, keeping the newest N; prints the path')
    .option('--keep <n>', 'how many backups to keep', '10').addOption(json())
    .action(withCollection(program, async (col, opts: { keep?: string; json?: boolean }) => {
      const { backupCommand } = await import('./commands/backup.js');
      await backupCommand(col, opts);
    }));
  program.command('sync').description('study on several machines: exchange answers with the other devices through a shared folder (git, Syncthing, Dropbox)')
    .option('--dir <path>', 'the shared folder (remembered: later `engram sync` uses it)')
    .option('--device <name>', 'a readable name for this database, the first time (default: a random one)')
    .option('--status', 'show the devices seen and their last event time')
    .option('--auto-sync <bool>', 'true: sync at the start and end of `engram` / `engram review`; false: do not')
    .addOption(json())
    .action(withCollection(program, async (col, opts: import('./commands/sync.js').SyncFlags) => {
      const { syncCommand } = await import('./commands/sync.js');
      syncCommand(col, opts);
    }));
  program.command('import-anki').description('import cards and review history from an Anki .apkg package').argument('<file>')
    .option('--deck <name>', 'put every card in this deck (default: the Anki deck names)').addOption(json())
    .action(withCollection(program, async (col, file: string, opts: { deck?: string; json?: boolean }) => {
      const { importAnkiCommand } = await import('./commands/import-anki.js');
      importAnkiCommand(col, file, opts);
    }));
  program.command('import-csv').description('import basic cards from a CSV/TSV file (re-importing it updates them)').argument('<file>')
    .option('--deck <name>', 'put new cards in this deck (default: #deck: in the file, else the file name)')
    .option('--columns <list>', 'what each column is: front,back,tags,guid,deck,ignore (default: a header row, else front,back,tags)')
    .option('--delimiter <char>', 'field separator: one character or tab, comma, semicolon, pipe (default: guessed)')
    .option('--header', 'the first row names the columns').option('--no-header', 'the first row is a card (default: detected)')
    .addOption(new Option('--html', 'fields are HTML (default: #html: in the file, else detected per field)').conflicts('markdown'))
    .option('--markdown', 'fields are Markdown, kept as written').addOption(json())
    .action(withCollection(program, async (col, file: string, opts: import('./commands/import-csv.js').ImportCsvFlags) => {
      const { importCsvCommand } = await import('./commands/import-csv.js');
      importCsvCommand(col, file, opts);
    }));
  program.command('run').description("run a card's example in the sandbox and print its output").argument('<card-id>')
    .option('--predict <text>', 'check this prediction of the output (whitespace-insensitive; numbers to the precision typed)')
    .addOption(json()).action(withCollection(program, async (col, id: string, opts: { json?: boolean; predict?: string }) => {
      const { runCommand } = await import('./commands/run.js');
      await runCommand(col, id, opts);
    }));

  program.command('lint').description('check decks for problems (empty or duplicate cards, broken example paths and wikilinks, cards too long for a screen); exit 1 when any')
    .argument('<paths...>', 'deck files or folders')
    .option('--max-lines <n>', 'longest card side in lines (default 16)')
    .option('--max-chars <n>', 'longest card side in characters (default 1000)')
    .option('--ignore <rules>', 'skip these rules, comma separated (file, parse, example, wikilink, size, duplicate, papers)')
    .addOption(json())
    .action(async (paths: string[], opts: { json?: boolean; maxLines?: string; maxChars?: string; ignore?: string }) => {
      const { lintCommand } = await import('./commands/lint.js');
      lintCommand(paths, opts);
    });

  return program;
}

export async function main(argv: string[]): Promise<number> {
  trace('main');
  process.stdout.on('error', onOutputError);
  const program = buildProgram();
  try {
    // A bad ENGRAM_NOW is refused up front, also by commands that never read the clock (lint, decks on an empty database).
    now();
    await program.parseAsync(argv, { from: 'user' });
    // A command that partly failed (import with a bad file) sets process.exitCode itself.
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help') return 0;
      return 2;
    }
    return reportFailure(error, databasePath);
  }
}
