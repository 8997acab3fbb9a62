/** `engram sync`: exchange events with the other devices through a shared folder (see README, Sync). */
import { UsageError } from '../../core/index.js';
import type { Collection, SyncReport } from '../../collection/index.js';
import { printJson, safeText } from '../format.js';

export interface SyncFlags {
  dir?: string;
  device?: string;
  json?: boolean;
  status?: boolean;
  autoSync?: string;
}

export function syncCommand(col: Collection, opts: SyncFlags): void {
  if (opts.status) return printStatus(col, opts.json === true);
  let autoSync: boolean | undefined;
  if (opts.autoSync !== undefined) {
    if (opts.autoSync !== 'true' && opts.autoSync !== 'false') throw new UsageError(`--auto-sync must be true or false, not ${JSON.stringify(opts.autoSync)}`);
    autoSync = opts.autoSync === 'true';
  }
  const report = col.sync({
    ...(opts.dir !== undefined ? { dir: opts.dir } : {}), ...(opts.device !== undefined ? { device: opts.device } : {}), ...(autoSync !== undefined ? { autoSync } : {}),
  });
  printWarnings(report);
  if (opts.json) {
    const { device, sent, received, applied, cardsRebuilt, pending } = report;
    return printJson({ device, sent, received, applied, cardsRebuilt, pending });
  }
  const waiting = report.pending > 0 ? `, ${report.pending} waiting for their cards` : '';
  process.stdout.write(safeText(`synced as ${report.device}: sent ${report.sent}, received ${report.received}, applied ${report.applied}, ${report.cardsRebuilt} cards rebuilt${waiting}\n`));
}

/** Sync at the start or end of the review when autoSync is on: a failure is one warning line, never a lost review. */
export function autoSync(col: Collection): void {
  if (!col.autoSync()) return;
  try {
    printWarnings(col.sync());
  } catch (error) {
    process.stderr.write(safeText(`engram: warning: autoSync failed: ${(error as Error).message}\n`));
  }
}

function printWarnings(report: SyncReport): void {
  for (const warning of report.warnings) process.stderr.write(safeText(`engram: warning: ${warning}\n`));
}

function printStatus(col: Collection, json: boolean): void {
  const status = col.syncStatus();
  if (json) return printJson(status);
  if (!status.device) {
    process.stdout.write('not syncing yet: engram sync --dir PATH [--device NAME]\n');
    return;
  }
  const lines = [
    `device ${status.device}, folder ${status.dir ?? '(none)'}, autoSync ${status.autoSync}`,
    ...status.devices.map((d) => `  ${d.device}${d.self ? ' (this one)' : ''}: ${d.events} events, last ${d.lastEventAt}`),
    ...(status.pending > 0 ? [`${status.pending} events wait for cards this device does not have`] : []),
  ];
  process.stdout.write(safeText(`${lines.join('\n')}\n`));
}
