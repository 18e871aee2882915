/**
 * The hidden marker that makes a PR comment "ours": `<!-- async-bench:comment-key=<key> -->`.
 * The key lets several benchmark jobs (matrix legs, workflows) each keep their own sticky comment.
 */

import { COMMENT_LIMIT as COMMENT_BODY_LIMIT } from '../core/report/body.js';
import { neutralizeBidi } from '../core/report/escape.js';
import { cutToFit } from '../core/report/fit.js';

/** GitHub rejects issue comments longer than this many characters (HTTP 422). */
export { COMMENT_BODY_LIMIT };

const KEY = /^[A-Za-z0-9][A-Za-z0-9._:/@+-]{0,99}$/;

export class CommentKeyError extends Error {
  override name = 'CommentKeyError';
}

export function commentMarker(key: string): string {
  if (!KEY.test(key)) {
    throw new CommentKeyError(`Invalid comment-key: ${JSON.stringify(key)}; use up to 100 letters, digits and . _ : / @ + - (no spaces).`);
  }
  return `<!-- async-bench:comment-key=${key} -->`;
}

/**
 * Ours only when the marker is the body's whole first line: the report below it may quote any
 * text (and never writes `<!--`, see escape.ts), but it cannot be what a comment starts with.
 */
export function hasMarker(body: string | null | undefined, key: string): boolean {
  const first = /^[^\r\n]*/.exec(body ?? '')![0];
  return first === commentMarker(key);
}

const TRUNCATED = '\n\n_… truncated: the comment hit GitHub’s size limit. The full report is in the job summary and the results artifact._\n';

/**
 * The comment as written: marker first (invisible), then the report (no bidi controls). The
 * report already fits (renderReport drops whole sections); should it not, it is cut at a line,
 * with any code fence or <details> the cut left open closed before the note.
 */
export function markedBody(key: string, body: string, limit = COMMENT_BODY_LIMIT): string {
  const full = `${commentMarker(key)}\n${neutralizeBidi(body)}`;
  return full.length <= limit ? full : cutToFit(full, TRUNCATED, limit);
}

/** Equal as GitHub shows them: line endings and trailing whitespace do not count. */
export function sameBody(a: string, b: string): boolean {
  const normal = (text: string): string => text.replace(/\r\n?/g, '\n').trimEnd();
  return normal(a) === normal(b);
}
