/**
 * Text from configuration or from a results file (labels, names, paths, commands,
 * failure reasons, Locust errors, environment strings) goes into a GitHub comment.
 * There it must render as itself: no markup, no HTML, no table or list breaks, and
 * nothing GitHub turns into a link or a notification (@user, @org/team, #1, GH-1,
 * owner/repo#1, owner/repo@sha, commit SHAs, URLs, www., emails, :emoji:).
 *
 * Two forms, picked by where the text goes:
 *
 * `code(text)`, for commands, paths, ids and versions: a backtick code span.
 *   GitHub neither parses nor links anything inside one (its mention, reference,
 *   SHA and emoji passes skip <code>; URL autolinking does not reach code spans),
 *   so the text needs no other change. The fence is one backtick longer than the
 *   longest backtick run inside, padded with a space when the text touches a
 *   backtick or has spaces at both ends. Line breaks become spaces. A `|` ends
 *   the span and is written as `\|` between spans (`a|b` → `a`\|`b`), because a
 *   pipe inside a code span splits a table cell and `\|` inside one shows its
 *   backslash outside tables; `\|` outside a span reads `|` everywhere.
 *   (`<code>` HTML is not used: GitHub parses markdown and autolinks URLs in it.)
 *
 * `escapeMarkdown(text)`, for prose and table cells (labels, titles, reasons):
 *   1. Line breaks and other control characters become spaces (one line; a
 *      newline would end a table row or a list item).
 *   2. GitHub's link and mention passes run on the rendered text, after markdown
 *      escapes and HTML entities are decoded, so neither can stop them. What stops
 *      them is a WORD JOINER (U+2060, invisible, no line break) placed where their
 *      patterns need a particular character:
 *      after every `@` (mentions, emails, owner/repo@sha), `#` (#1, owner/repo#1)
 *      and `:` (https://, :emoji:); between `www` and `.`; between `-` and a
 *      digit (GH-1, and repository autolink prefixes such as JIRA-1); and every
 *      6 characters of a run of 7 or more hex digits (SHAs).
 *   3. Markdown: `&`, `<`, `>` become entities (no HTML, no <autolink>, no
 *      entity tricks such as `&#64;`, and safe inside HTML too); every other
 *      ASCII punctuation character that can open inline markup gets a backslash:
 *      \ ` * _ ~ [ ] | # $ (code, emphasis, strikethrough, links, images,
 *      footnotes, table pipes, heading closers, math). Others (`(`, `-`, `.`, …)
 *      only matter at the start of a line, where this text never is.
 *   The output is for markdown inline context (a paragraph, list item, heading or
 *   table cell), not for the inside of an HTML block.
 *
 * Both forms also replace bidirectional controls (U+202A–U+202E, U+2066–U+2069, U+200E,
 * U+200F, U+061C) with U+FFFD: an override would make a command or a number read other
 * than it is. And neither can write `<!--` or `-->` (a word joiner goes inside), so no
 * text from config or results can forge the comment's hidden marker or hide what follows.
 *
 * Unicode look-alikes in the input (fullwidth ＠, …) are left as they are: GitHub
 * does not link them.
 */

const WORD_JOINER = '\u2060';

// CommonMark line endings are \n, \r and \r\n; the rest are controls nobody means.
// eslint-disable-next-line no-control-regex -- control characters are what it matches
const CONTROLS = /\r\n|[\u0000-\u001f\u007f\u2028\u2029]/g;

const oneLine = (text: string): string => neutralizeBidi(text.replace(CONTROLS, ' '));

const BIDI_CONTROLS = /[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]/g;

/** Bidirectional controls become U+FFFD: visible, and unable to reorder what follows. */
export function neutralizeBidi(text: string): string {
  return text.replace(BIDI_CONTROLS, '\ufffd');
}

/** `<!--` and `-->` (and `--!>`) with a word joiner inside: never an HTML comment, never our marker. */
const breakHtmlComments = (text: string): string => text.replace(/<!--/g, `<!${WORD_JOINER}--`).replace(/--(?=!?>)/g, `-${WORD_JOINER}-`);

/** Step 2: a word joiner wherever GitHub's link, reference and mention patterns would match. */
function breakAutolinks(text: string): string {
  return text
    .replace(/[0-9a-f]{7,}/gi, (run) => run.replace(/.{6}(?=.)/g, `$&${WORD_JOINER}`))
    .replace(/[@#:]/g, `$&${WORD_JOINER}`)
    .replace(/(www)(\.)/gi, `$1${WORD_JOINER}$2`)
    .replace(/-(?=\d)/g, `-${WORD_JOINER}`);
}

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };

/** Inert text for prose and table cells; see the rule above. */
export function escapeMarkdown(text: string): string {
  return breakAutolinks(oneLine(text))
    .replace(/[&<>]/g, (char) => ENTITIES[char]!)
    .replace(/[\\`*_~[\]|#$]/g, '\\$&');
}

function codeSpan(text: string): string {
  const longestRun = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longestRun + 1);
  // CommonMark strips one space from each end when both ends have one (unless all spaces).
  const pad = /^`|`$/.test(text) || (/^ [^]* $/.test(text) && /[^ ]/.test(text)) ? ' ' : '';
  return `${fence}${pad}${text}${pad}${fence}`;
}

/** Text as code, for commands, paths and ids: one line, shown as it is; see the rule above. */
export function code(text: string): string {
  return breakHtmlComments(oneLine(text))
    .split('|')
    .map((piece) => (piece === '' ? '' : codeSpan(piece)))
    .join('\\|');
}

/**
 * Setup labels and route titles where they head tables, findings and charts: clipped, so that
 * no label, however long, can crowd the tables out of a comment (the configuration section
 * shows them whole).
 */
export const LABEL_MAX = 80;
export const labelText = (text: string): string => escapeMarkdown(clip(text, LABEL_MAX));

/** Shortens long free text (error messages) so one cell cannot fill a comment. Clip before escaping. */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  const end = /[\uD800-\uDBFF]/.test(text[max - 2] ?? '') ? max - 2 : max - 1;
  return `${text.slice(0, end)}…`;
}
