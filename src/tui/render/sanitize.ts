/** The sanitiser lives in core, so the collection can compare names the way they are shown. */
export { sanitizeKeepingSgr, sanitizeText } from '../../core/sanitize.js';
