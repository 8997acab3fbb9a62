/** Scriptable study commands: the contract scripts and tests rely on. One command per file. */
export { decksCommand } from './decks.js';
export { cardsCommand } from './cards.js';
export { dueCommand } from './due.js';
export { answerCommand } from './answer.js';
export { undoCommand } from './undo.js';
export { suspendCommand } from './suspend.js';
export { buryCommand } from './bury.js';
export { showCommand } from './show.js';
export { addCommand } from './add.js';
export { configCommand } from './config.js';
export { papersCommand } from './papers.js';
export { flagCommand, forgetCommand, rescheduleCommand, tagCommand } from './card-actions.js';
