import { neutralizeBidi } from '../escape.js';

/**
 * Text and attribute values into HTML. Every character that can open a tag, an
 * entity or end an attribute becomes an entity, so text from results.json or the
 * config (setup labels, failure reasons) renders as itself and never as markup;
 * bidirectional controls become U+FFFD, as in the comment, so none reorders what follows.
 */
const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export const escapeHtml = (text: string): string => neutralizeBidi(text).replace(/[&<>"']/g, (char) => ENTITIES[char]!);

/** A relative link to a file under the run folder: each path segment percent-encoded, then escaped. */
export const relativeHref = (path: string): string => escapeHtml(path.split('/').map(encodeURIComponent).join('/'));
