import { describe, expect, it } from 'vitest';
import { commentMarker, hasMarker, markedBody, sameBody } from '../../src/publish/marker.js';

describe('comment marker', () => {
  it('is a hidden HTML comment naming the key', () => {
    expect(commentMarker('linux/py3.13')).toBe('<!-- async-bench:comment-key=linux/py3.13 -->');
  });

  it.each(['', ' main', 'a b', 'x-->', '<b>', 'line\nbreak', 'x'.repeat(101)])('refuses the key %j', (key) => {
    expect(() => commentMarker(key)).toThrow(/comment-key/);
  });

  it('matches only its own key', () => {
    const body = markedBody('main', 'report');
    expect(hasMarker(body, 'main')).toBe(true);
    expect(hasMarker(body, 'mai')).toBe(false);
    expect(hasMarker(null, 'main')).toBe(false);
  });

  it('counts only as the whole first line: a marker quoted further down is not ours', () => {
    const hijack = `${commentMarker('main')}\n| route \`${commentMarker('other')}\` |`;
    expect(hasMarker(hijack, 'main')).toBe(true);
    expect(hasMarker(hijack, 'other')).toBe(false);
    expect(hasMarker(`quoted: ${commentMarker('main')}`, 'main')).toBe(false);
    expect(hasMarker(`${commentMarker('main')} and more`, 'main')).toBe(false);
    expect(hasMarker(`${commentMarker('main')}\r\nreport`, 'main')).toBe(true);
  });

  it("keeps a body within GitHub's limit, cut at a line, marker kept", () => {
    const report = Array.from({ length: 200 }, (_, i) => `| row ${i} | ${'9'.repeat(20)} |`).join('\n');
    const body = markedBody('main', report, 1000);
    expect(body.length).toBeLessThanOrEqual(1000);
    expect(hasMarker(body, 'main')).toBe(true);
    expect(body).toMatch(/truncated/);
    expect(body).not.toMatch(/\| row \d+ \| 9*\n\n_…/); // no half row before the note
  });

  it('writes no bidirectional control into the comment', () => {
    expect(markedBody('main', 'a\u202eb\u2067c')).toBe(`${commentMarker('main')}\na\ufffdb\ufffdc`);
  });

  it('compares bodies as GitHub shows them', () => {
    expect(sameBody('a\r\nb\n', 'a\nb')).toBe(true);
    expect(sameBody('a\nb', 'a\nc')).toBe(false);
  });
});
