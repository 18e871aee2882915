/**
 * Fitting the report to a size limit (GitHub's comment, the job summary) without breaking it:
 * the report is a list of sections, most useful first, and only whole sections are cut.
 */

/**
 * One block of the report. `floor` is what it may shrink to: `undefined` keeps it whole
 * always (the headline, every table, the links), `''` lets it go, any other text is the part
 * kept (the findings' first lines).
 */
export interface Section {
  text: string;
  floor?: string;
}

export const kept = (text: string): Section => ({ text });
export const droppable = (text: string): Section => ({ text, floor: '' });
export const shrinkable = (text: string, floor: string): Section => ({ text, floor });

/** The lines that do not start with white space: a list's items without what is nested under them. */
export const firstLines = (text: string): string =>
  text
    .split('\n')
    .filter((line) => !/^\s+\S/.test(line))
    .join('\n');

const join = (parts: string[]): string => `${parts.filter(Boolean).join('\n\n')}\n`;

/**
 * The sections within `maxLength`: while too long, the last section not yet at its floor goes
 * down to it, so what is least useful (the end) goes first and a block with a floor keeps it.
 * `note` says that something went. Should the kept sections alone be too long, the whole ones
 * that fit from the top are kept (the headline first); never half a section.
 */
export function fitSections(sections: Section[], maxLength: number, note: string): string {
  const texts = sections.map((section) => section.text);
  const full = join(texts);
  if (full.length <= maxLength) return full;
  for (let i = sections.length - 1; i >= 0; i -= 1) {
    const floor = sections[i]!.floor;
    if (floor === undefined || floor === texts[i]) continue;
    texts[i] = floor;
    const body = join([...texts, note]);
    if (body.length <= maxLength) return body;
  }
  const fitting: string[] = [];
  for (const text of texts.filter(Boolean)) {
    if (join([...fitting, text, note]).length > maxLength) break;
    fitting.push(text);
  }
  return join([...fitting, note]);
}

/**
 * Closes what a cut at a line left open: a code fence (``` or ~~~) and `<details>` blocks,
 * so a note after the cut renders as text and not inside a chart's code block.
 */
export function closeOpenBlocks(text: string): string {
  let fence: string | null = null;
  let details = 0;
  for (const line of text.split('\n')) {
    const marker = /^ {0,3}(`{3,}|~{3,})/.exec(line)?.[1];
    if (fence !== null) {
      if (marker && marker[0] === fence[0] && marker.length >= fence.length && line.trim() === marker) fence = null;
      continue;
    }
    if (marker) fence = marker;
    details += (line.match(/<details>/g) ?? []).length - (line.match(/<\/details>/g) ?? []).length;
  }
  const closers = [...(fence !== null ? [fence] : []), ...Array.from({ length: Math.max(details, 0) }, () => '</details>')];
  return closers.length === 0 ? text : `${text}\n${closers.join('\n')}`;
}

/**
 * The last resort when a text must be cut blind (the report fits already; other text may not):
 * cut at a line, close what the cut left open, then `note`, all within `maxSize` as `size` counts.
 */
export function cutToFit(text: string, note: string, maxSize: number, size: (text: string) => number = (t) => t.length): string {
  let room = text.length;
  for (;;) {
    const slice = text.slice(0, room);
    const line = slice.lastIndexOf('\n');
    const body = `${closeOpenBlocks(line > 0 ? slice.slice(0, line) : slice)}${note}`;
    const over = size(body) - maxSize;
    if (over <= 0 || room === 0) return body;
    // Strictly shorter each time: at most the line cut, less what was over.
    room = Math.max(0, (line > 0 ? line : room) - over);
  }
}
