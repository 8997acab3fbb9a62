/** The sanitiser lives in core, so the collection can compare deck names the way they are shown; drawing code imports it from here. */
export { sanitizeKeepingSgr, sanitizeText } from '../core/sanitize.js';
