import { micromark } from 'micromark';
import { gfm, gfmHtml } from 'micromark-extension-gfm';
import { describe, expect, it } from 'vitest';
import { baselineFromResults } from '../src/core/compare/baseline.js';
import { compareResults } from '../src/core/compare/verdicts.js';
import { serverCommand } from '../src/core/config/server-command.js';
import type { LatencyMethod, ProfileName, RouteSpec } from '../src/core/config/schema.js';
import { cellId } from '../src/core/plan/cells.js';
import { renderReport } from '../src/core/report/body.js';
import { clip, code, escapeMarkdown } from '../src/core/report/escape.js';
import type { Results } from '../src/core/results/results.js';
import { makeResults } from './helpers/results.js';

/**
 * The report rendered as GitHub-flavoured markdown (tables, autolink literals,
 * strikethrough, tag filter; raw HTML kept, as GitHub keeps <details>, <sub>, <br>),
 * then read back as HTML tags and as the text a reader sees.
 */
const render = (markdown: string): string => micromark(markdown, { allowDangerousHtml: true, extensions: [gfm()], htmlExtensions: [gfmHtml()] });

const decode = (html: string): string =>
  html
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');
const textOf = (html: string): string => decode(html.replace(/<[^>]*>/g, ''));

interface Audit {
  anchors: string[];
  tags: Record<string, number>;
  /** What GitHub's mention, reference, SHA and link passes read: the text outside <code>. */
  outsideCode: string;
  /** What a reader sees, invisible word joiners removed. */
  visible: string;
}

function audit(markdown: string): Audit {
  const html = render(markdown);
  const tags: Record<string, number> = {};
  for (const [, name] of html.matchAll(/<([a-z][a-z0-9-]*)/gi)) tags[name!.toLowerCase()] = (tags[name!.toLowerCase()] ?? 0) + 1;
  return {
    anchors: html.match(/<a\b[^>]*>/gi) ?? [],
    tags,
    // Fenced blocks (the Mermaid charts) render as <code class="language-…">: GitHub links nothing inside either.
    outsideCode: textOf(html.replace(/<code(?: class="[^"]*")?>[^]*?<\/code>/g, ' ')),
    visible: textOf(html).replaceAll('\u2060', ''),
  };
}

/** GitHub's patterns for what it turns into a mention, a reference or a link. */
const TRIGGERS: Record<string, RegExp> = {
  mention: /(^|[^\w`])@[A-Za-z0-9][A-Za-z0-9-]*(\/[A-Za-z0-9-]+)?/,
  reference: /(^|\W)(#\d+|GH-\d+|[\w.-]+\/[\w.-]+#\d+)\b/,
  url: /\b[a-z][a-z0-9+.-]*:\/\//i,
  www: /\bwww\./i,
  email: /[\w.+-]+@[\w-]+(\.[\w-]+)+/,
  sha: /(^|\W)[0-9a-f]{7,40}(?!\w)/i,
  emoji: /:[a-z0-9_+-]+:/,
};
const triggersIn = (text: string): string[] =>
  Object.entries(TRIGGERS).flatMap(([name, pattern]) => (pattern.test(text) ? [`${name}: ${text.match(pattern)![0]}`] : []));

/** Line breaks read as spaces: the one change to the visible text the report may make. */
// eslint-disable-next-line no-control-regex -- control characters are what it replaces
const oneLine = (text: string): string => text.replace(/\r\n|[\u0000-\u001f\u007f\u2028\u2029]/g, ' ');

/** Every case is something GitHub would link, ping, or render as markup or broken structure. */
const HOSTILE: [string, string][] = [
  ['mentions', 'ping @octocat and @github/security!'],
  ['issue references', 'fixes #1, GH-2 and owner/repo#3'],
  ['commit references', 'owner/repo@a1b2c3d4 and deadbeefcafe1234 and 1234567'],
  ['URLs', 'see https://evil.example/x?y=1 or ftp://evil.example'],
  ['www', 'go to www.evil.example now'],
  ['emails', 'write me@evil.example or mailto:you@evil.example'],
  ['issue URL', 'https://github.com/owner/repo/issues/4'],
  ['HTML entities', '&#64;octocat &#x40;hubot &commat;mona &#35;5 &#104;ttps://evil.example'],
  ['backslash escapes', '\\@octocat \\#6 \\\\@hubot \\www.evil.example'],
  ['code breakout', 'x` @octocat `y'],
  ['double-backtick breakout', '`` @octocat #7 `` and ```'],
  ['link syntax', '[click](https://evil.example) [ref][r] [^1]'],
  ['angle autolinks', '<https://evil.example> <me@evil.example>'],
  ['image', '![i](https://evil.example/i.png)'],
  ['HTML tags', '<img src=x onerror=alert(1)> <a href="https://evil.example">a</a>'],
  ['HTML blocks', '<details><summary>s</summary><sub>x</sub><!--c--><script>1</script>'],
  ['table pipes', 'a | b || c \\| d |'],
  ['newlines', 'one\ntwo\r\n- three\r| four | x |\n\n# five'],
  ['emphasis', '*b* _i_ ~~s~~ **x** __y__'],
  ['heading closer', 'ends with ##'],
  ['emoji', 'hello :octocat: :+1:'],
];

describe('hostile inputs are hostile (the checks can fail)', () => {
  const snippet = (text: string): string => `### h ${text}\n\n- a ${text}\n- b \`${text}\`\n\n| h |\n| - |\n| ${text} |\n`;
  const plain = audit(snippet('plain'));

  it.each(HOSTILE)('%s, written into markdown as it is, pings, links, adds markup or loses text', (_, text) => {
    const naive = audit(snippet(text));
    const problems = [
      ...naive.anchors,
      ...triggersIn(naive.outsideCode),
      ...(JSON.stringify(naive.tags) === JSON.stringify(plain.tags) ? [] : ['structure']),
      ...(naive.visible.split(oneLine(text)).length - 1 === 4 ? [] : ['text']),
    ];
    expect(problems).not.toEqual([]);
  });
});

/** Results with `text` in every string the report prints, each field marked by its name. */
function resultsWith(text: string): { results: Results; printed: string[] } {
  const field = (name: string): string => `${name} ${text}`;
  const results = makeResults({}, (id) =>
    id.startsWith('sync/cpu/')
      ? null
      : id.startsWith('sync/io_read/')
        ? { locustCpuWarning: true, topFailures: [{ error: field('error'), occurrences: 2 }] }
        : {},
  );
  const { config, environment } = results;
  const setupNames = new Map(config.setups.map((setup, i) => [setup.name, field(`setup${i}`)]));
  const routeNames = new Map(config.routes.map((route, i) => [route.name, field(`route${i}`)]));
  for (const cell of results.cells) {
    cell.setup = setupNames.get(cell.setup)!;
    cell.route = routeNames.get(cell.route)!;
    cell.id = cellId(cell.setup, cell.route, cell.latencyMs);
    cell.warnings = [field('warning')];
    if (cell.status === 'failed') cell.reason = field('reason');
  }
  config.profile = field('profile') as ProfileName;
  config.latencyMethod = field('method') as LatencyMethod;
  config.app = { ...config.app, name: field('app'), context: field('context'), wsgi: field('wsgi'), asgi: field('asgi') };
  config.setups.forEach((setup, i) => {
    setup.name = setupNames.get(setup.name)!;
    setup.label = field(`label${i}`);
    setup.command = [...setup.command, field(`arg${i}`)];
  });
  config.routes.forEach((route, i) => {
    route.name = routeNames.get(route.name)!;
    route.title = field(`title${i}`);
    route.method = field(`verb${i}`) as RouteSpec['method'];
    route.path = field(`path${i}`);
  });
  results.tool.version = field('version');
  Object.assign(environment, {
    cpuModel: field('cpu'),
    kernel: field('kernel'),
    platform: field('platform'),
    runner: field('runner'),
    docker: field('docker'),
    compose: field('compose'),
    stack: { [field('stackName')]: field('stackValue') },
    latencyMethod: field('ran'),
  });
  const printed = [
    ...results.cells.map((cell) => cell.id),
    field('error'),
    field('reason'),
    config.profile,
    config.app.name,
    config.app.context,
    ...config.setups.flatMap((setup) => [setup.label, serverCommand(setup, config.app).join(' ')]),
    ...config.routes.flatMap((route) => [route.name, route.title, route.method, route.path]),
    ...['version', 'cpu', 'kernel', 'platform', 'runner', 'docker', 'compose', 'stackName', 'stackValue', 'ran'].map(field),
  ];
  return { results, printed };
}

function reportOf(text: string, withBaseline: boolean): { audit: Audit; printed: string[] } {
  const { results, printed } = resultsWith(text);
  let comparison = null;
  if (withBaseline) {
    const baseline = baselineFromResults(`baseline ${text}`, results);
    baseline.cells.set(`gone ${text}`, { maxSrps: 1, totalSuccesses: 1, samples: [] });
    comparison = compareResults(results, baseline, 0.1);
    printed.push(`baseline ${text}`, `gone ${text}`);
  }
  const body = renderReport(results, { comparison, links: ['[Run](https://example.invalid/run)'], maxLength: 10_000_000 });
  return { audit: audit(body), printed: printed.map(oneLine) };
}

describe('renderReport with hostile text in every field', () => {
  describe.each([
    ['without a baseline', false],
    ['against a baseline', true],
  ])('%s', (_, withBaseline) => {
    const benign = reportOf('plain', withBaseline);

    it('prints every field (the cases below reach them all)', () => {
      expect(triggersIn(benign.audit.outsideCode)).toEqual([]);
      for (const text of benign.printed) expect(benign.audit.visible).toContain(text);
      expect(benign.audit.tags.table).toBe(4);
    });

    it.each(HOSTILE)('%s: no link, ping, markup or broken table, and it still reads as written', (_, text) => {
      expect(oneLine(text).length).toBeLessThanOrEqual(70); // clipped fields show 80 characters
      const { audit: report, printed } = reportOf(text, withBaseline);
      expect(report.anchors).toEqual(['<a href="https://example.invalid/run">']);
      expect(report.tags.img).toBeUndefined();
      expect(triggersIn(report.outsideCode)).toEqual([]);
      // Same elements as with benign text: no HTML from the input, same tables, rows, cells, list items.
      // A `|` in a code span is written between two spans, so <code> alone may count more.
      const { code: codeTags, ...tags } = report.tags;
      const { code: benignCode, ...benignTags } = benign.audit.tags;
      expect(tags).toEqual(benignTags);
      if (text.includes('|')) expect(codeTags).toBeGreaterThan(benignCode!);
      else expect(codeTags).toBe(benignCode);
      for (const field of printed) expect(report.visible).toContain(field);
    });
  });
});

describe('escapeMarkdown', () => {
  const inline = (markdown: string): string => render(markdown).replace(/^<p>|<\/p>$/g, '');

  it('keeps the text readable: joiners are invisible, escapes and entities render as the characters', () => {
    const text = 'Sync & <b>async</b> *1* [x] `y` ~z~ | #2 @me a\\b';
    expect(decode(inline(escapeMarkdown(text))).replaceAll('\u2060', '')).toBe(text);
  });

  it('puts a word joiner where GitHub would start a mention, reference or link', () => {
    expect(escapeMarkdown('@me')).toBe('@\u2060me');
    expect(escapeMarkdown('GH-12')).toBe('GH-\u206012');
    expect(escapeMarkdown('www.x')).toBe('www\u2060.x');
    expect(escapeMarkdown('https://x')).toBe('https:\u2060//x');
    expect(escapeMarkdown('0123456789abcdef')).toBe('012345\u20606789ab\u2060cdef');
    expect(escapeMarkdown('#3')).toBe('\\#\u20603');
  });

  it('leaves words, numbers below 7 digits and look-alikes alone', () => {
    expect(escapeMarkdown('Async Limited 123456 ＠user')).toBe('Async Limited 123456 ＠user');
  });

  it('keeps a label one table header cell, with its HTML as text and its mention broken', () => {
    const results = makeResults({}, () => ({}));
    results.config.setups[0]!.label = 'Sync | <img src=x onerror=alert(1)> @org/team';
    const body = renderReport(results, { comparison: null });
    expect(body).toContain('| Sync \\| &lt;img src=x onerror=alert(1)&gt; @\u2060org/team |');
    expect(render(body)).toContain('<th align="right">Sync | &lt;img src=x onerror=alert(1)&gt; @\u2060org/team</th>');
  });

  it('keeps one line and one table cell', () => {
    const table = render(`| h |\n| - |\n| ${escapeMarkdown('a\nb | c\r\nd')} |\n`);
    expect(table.match(/<td>/g)).toHaveLength(1);
    expect(textOf(table)).toContain('a b | c d');
  });
});

describe('code', () => {
  it('shows the text as it is inside a code span, whatever backticks it holds', () => {
    for (const text of ['a`b', '`a', 'a`', '``x``', ' x ', 'x  y', '@me #1 https://x *y* <b> &amp; \\']) {
      expect(render(code(text))).toBe(`<p><code>${text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')}</code></p>`);
    }
  });

  it('writes a pipe between spans, so it reads `|` in a table cell and in prose alike', () => {
    expect(code('a|b')).toBe('`a`\\|`b`');
    expect(render(code('a|b'))).toBe('<p><code>a</code>|<code>b</code></p>');
    const table = render(`| h |\n| - |\n| ${code('|a||b|')} |\n`);
    expect(table).toContain('<td>|<code>a</code>||<code>b</code>|</td>');
  });

  it('puts line breaks on one line', () => {
    expect(code('a\nb\r\nc')).toBe('`a b c`');
  });
});

describe('clip', () => {
  it('keeps short text and cuts long text to the limit with an ellipsis', () => {
    expect(clip('abc', 3)).toBe('abc');
    expect(clip('abcdef', 4)).toBe('abc…');
  });

  it('never cuts a character in half', () => {
    expect(clip('ab😀cd', 4)).toBe('ab…');
    expect(clip('ab😀cd', 5)).toBe('ab😀…');
  });
});

describe('text that could forge the comment marker or reorder what is shown', () => {
  const marker = '<!-- async-bench:comment-key=other -->';

  it('never writes <!-- or --> from config or results text, in code or prose', () => {
    for (const text of [marker, `a${marker}b`, 'x --!> y', '<!---->']) {
      for (const out of [code(text), escapeMarkdown(text)]) {
        expect(out).not.toMatch(/<!--|--!?>/);
      }
    }
    expect(code(marker).replaceAll('\u2060', '')).toBe(`\`${marker}\``);
  });

  it('a route path holding a marker is shown, but no line of the report is a marker', () => {
    const { results } = resultsWith('plain');
    results.config.routes[0]!.path = `/x/${marker}`;
    results.config.setups[0]!.command = [...results.config.setups[0]!.command, marker];
    const body = renderReport(results, { comparison: null, maxLength: 10_000_000 });
    expect(body).not.toContain('<!--');
    expect(body.replaceAll('\u2060', '')).toContain(marker);
  });

  it('bidirectional controls are replaced by U+FFFD in code, in prose and in the whole report', () => {
    const controls = ['\u202a', '\u202b', '\u202c', '\u202d', '\u202e', '\u2066', '\u2067', '\u2068', '\u2069', '\u200e', '\u200f', '\u061c'];
    const bidi = /[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]/;
    for (const control of controls) {
      expect(code(`rm${control}x`)).toBe('`rm\ufffdx`');
      expect(escapeMarkdown(`a${control}b`)).toBe('a\ufffdb');
    }
    const { results } = resultsWith(`evil\u202egnp.exe\u2066x\u2069`);
    const body = renderReport(results, { comparison: null, maxLength: 10_000_000 });
    expect(body).not.toMatch(bidi);
    expect(body).toContain('evil\ufffdgnp.exe');
  });
});
