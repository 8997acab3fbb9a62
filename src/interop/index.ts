/** Moving collections in and out: backup documents, CSV, and Anki packages. Pure: data in, data out. */
export { BACKUP_VERSION, parseBackup, type BackupDocument, type BackupCard, type BackupReview, type BackupPaper } from './backup-format.js';
export { csvField, toCsv, type CsvValue } from './csv.js';
export { htmlToText, decodeEntities } from './anki-html.js';
export { readAnkiPackage, MAX_COLLECTION_BYTES, type AnkiPackage } from './anki-package.js';
export {
  convertAnkiCollection, renderTemplate, revlogGrade, parseSchedVer,
  type AnkiSchedulerVersion,
  type AnkiCollectionRows, type AnkiNoteRow, type AnkiCardRow, type AnkiRevlogRow, type ForeignCard, type ForeignContent, type ForeignReview,
} from './anki-notes.js';
export {
  readCsvCards, splitDelimited, guessDelimiter, readFileHeaders, parseColumns, looksLikeHeaderRow, fieldText, csvIdentities, CSV_COLUMNS,
  type CsvCardRow, type CsvColumn, type CsvReadOptions, type CsvReadResult, type CsvProblem, type DelimitedRow,
} from './csv-read.js';
export { imageRefs, linkImages, sanitizeMediaName, readPackageMedia, MEDIA_LIMITS, type MediaLimits, type PackageMedia } from './anki-media.js';
export { parseSrComment, parseSrDataFile, SR_DATA_ID_TAG, type SrTriple, type SrParse, type SrDataFile } from './obsidian-sr.js';
