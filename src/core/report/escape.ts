/**
 * Escapes text that comes from configuration or from measured output (names,
 * paths, commands, error messages) so it renders as itself: no markup, no HTML,
 * no table breaks, no @-mentions, one line.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/\r?\n/g, ' ')
    .replace(/([\\`*_[\]|~#])/g, '\\$1')
    // Entities last: their own "&" and "#" must not be escaped again.
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/@/g, '&#64;');
}

/** Escaped text in a code span: readable for commands and paths, still inert. */
export function code(text: string): string {
  return `<code>${escapeMarkdown(text)}</code>`;
}

/** Shortens long free text (error messages) so one cell cannot fill a comment. */
export function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
