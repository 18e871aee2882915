// Reads what Markdown docs point at (relative links with #anchors, code names, source paths)
// and checks each against the repository, so a rename or a moved heading is reported with
// file and line instead of leaving a dead link or a name that no longer exists.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, posix, relative } from 'node:path';

export interface Problem {
  file: string;
  line: number;
  message: string;
}
export const formatProblem = (p: Problem): string => `${p.file}:${p.line}: ${p.message}`;

/** A line of Markdown with its number, and whether it sits inside a fenced code block. */
interface Line {
  number: number;
  text: string;
  fenced: boolean;
}

function lines(markdown: string): Line[] {
  let fence: string | undefined;
  return markdown.split('\n').map((text, i) => {
    const opener = /^\s*(`{3,}|~{3,})/.exec(text)?.[1];
    if (opener && (fence === undefined || opener.startsWith(fence))) {
      fence = fence === undefined ? opener : undefined;
      return { number: i + 1, text, fenced: true };
    }
    return { number: i + 1, text, fenced: fence !== undefined };
  });
}

const CODE_SPAN = /(`+)([^`]|[^`][\s\S]*?[^`])\1(?!`)/g;
const codeSpans = (text: string): string[] => [...text.matchAll(CODE_SPAN)].map((m) => m[2]!.trim());
const withoutCodeSpans = (text: string): string => text.replace(CODE_SPAN, ' ');

/**
 * GitHub's heading anchor (github-slugger): the rendered text lowercased, every character that is
 * not a letter, mark, number, connector (`_`), hyphen or space removed, each space a hyphen.
 * A repeated heading gets -1, -2, … (see `anchors`).
 */
export function slug(heading: string): string {
  const rendered = heading
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1') // links and images: their text
    .replace(/<[^>]+>/g, '') // inline HTML
    .replace(/[`*]/g, '');
  return rendered
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}\p{Pc}\- ]/gu, '')
    .replace(/ /g, '-');
}

/** Every anchor a Markdown file offers: its headings' slugs (deduplicated as GitHub does) and explicit ids. */
export function anchors(markdown: string): Set<string> {
  const found = new Set<string>();
  const seen = new Map<string, number>();
  for (const { text, fenced } of lines(markdown)) {
    if (fenced) continue;
    for (const m of text.matchAll(/<a\s+(?:id|name)="([^"]+)"/g)) found.add(m[1]!);
    const heading = /^ {0,3}#{1,6}\s+(.*?)(?:\s+#+)?\s*$/.exec(text)?.[1];
    if (heading === undefined) continue;
    const base = slug(heading);
    const count = seen.get(base) ?? 0;
    seen.set(base, count + 1);
    found.add(count === 0 ? base : `${base}-${count}`);
  }
  return found;
}

/** Link targets outside code: inline links and images `](target)`, reference definitions, HTML href/src. */
export function linkTargets(markdown: string): { line: number; target: string }[] {
  const targets: { line: number; target: string }[] = [];
  let paragraph = false; // a reference definition cannot interrupt a paragraph: "[1, 2]: text" inside one is prose
  for (const { number, text, fenced } of lines(markdown)) {
    if (fenced) {
      paragraph = false;
      continue;
    }
    const prose = withoutCodeSpans(text);
    const definition: string | undefined = paragraph ? undefined : /^ {0,3}\[[^\]]+\]:\s*<?([^\s>]+)>?/.exec(prose)?.[1];
    if (definition !== undefined) targets.push({ line: number, target: definition });
    else for (const m of prose.matchAll(/\]\(\s*<?([^)\s>]*)>?(?:\s+["'][^"']*["'])?\s*\)/g)) targets.push({ line: number, target: m[1]! });
    for (const m of prose.matchAll(/\b(?:href|src)="([^"]+)"/g)) targets.push({ line: number, target: m[1]! });
    paragraph = text.trim() !== '' && definition === undefined;
  }
  return targets;
}

const isExternal = (target: string) => /^[a-z][a-z0-9+.-]*:/i.test(target);

/** Checks every relative link of `file` (a path relative to `root`): the file exists, and a #anchor is a heading there. */
export function checkLinks(root: string, file: string, markdown: string): Problem[] {
  const problems: Problem[] = [];
  for (const { line, target } of linkTargets(markdown)) {
    if (isExternal(target)) continue;
    const [pathPart = '', fragment] = target.split('#', 2);
    const path = pathPart === '' ? file : posix.join(pathPart.startsWith('/') ? '' : posix.dirname(file), decodeURIComponent(pathPart));
    const absolute = join(root, path);
    if (path !== file && !existsSync(absolute)) {
      problems.push({ file, line, message: `link "${target}": ${path} does not exist` });
      continue;
    }
    if (fragment === undefined || !path.endsWith('.md')) continue;
    // The file itself is read as given (it may not be on disk, or be edited in memory).
    const text = path === file ? markdown : readFileSync(absolute, 'utf8');
    if (!anchors(text).has(decodeURIComponent(fragment))) {
      problems.push({ file, line, message: `link "${target}": ${path} has no heading with the anchor #${fragment}` });
    }
  }
  return problems;
}

/**
 * What the docs may cite, read from the source: every declared name (function, const, let, var,
 * class, interface, type, enum) and every member name (a property key `name:` or `name?:`, a
 * method or getter `name(`), under src/; and the classes and functions of the repository's Python
 * (locust/, compose/), which the docs cite beside the TypeScript (`RouteUser`).
 */
export interface SourceIndex {
  root: string;
  files: string[];
  declared: Set<string>;
  members: Set<string>;
}

function walk(dir: string, keep: (file: string) => boolean): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : walk(path, keep);
    return keep(entry.name) ? [path] : [];
  });
}

export function indexSource(root: string): SourceIndex {
  const files = walk(join(root, 'src'), (name) => name.endsWith('.ts'));
  const declared = new Set<string>();
  const members = new Set<string>();
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/\b(?:function\*?|const|let|var|class|interface|type|enum)\s+([A-Za-z_$][\w$]*)/g)) declared.add(m[1]!);
    for (const m of text.matchAll(/^\s*(?:(?:readonly|static|async|get|set|public|private|protected)\s+)*([A-Za-z_$][\w$]*)\??\s*[:(]/gm)) members.add(m[1]!);
  }
  const python = [...walk(join(root, 'locust'), (n) => n.endsWith('.py')), ...walk(join(root, 'compose'), (n) => n.endsWith('.py'))];
  for (const file of python) for (const m of readFileSync(file, 'utf8').matchAll(/^\s*(?:class|def)\s+(\w+)/gm)) declared.add(m[1]!);
  return { root, files: files.map((f) => relative(join(root, 'src'), f).split('\\').join('/')), declared, members };
}

/**
 * Words that look like code names but are not names in this repository's code.
 * Each entry says what it is, so a reader knows why it is exempt.
 */
export const NOT_CODE_NAMES: Record<string, string> = {
  Aggregated: "the name of the total row in Locust's CSV files",
  GitHub: 'the product',
  PostgreSQL: 'the database',
};

/**
 * The rule for "looks like a code name" (a token: a whole code span, or a word of a fenced block):
 * - camelCase: a lowercase letter first and an uppercase letter later (`planShard`, `readCell`);
 * - a compound PascalCase name: an uppercase letter first, then a lowercase letter followed by an
 *   uppercase one (`CellMetrics`, `SetupSpecSchema`);
 * - in a code span only, where the backticks mark it as code: a single PascalCase word (`Config`,
 *   `Runner`) or an UPPER_CASE constant of three or more letters (`LIMITS`, `CELL_FILES`);
 * - a dotted `Type.member` (`Sample.side`, `Sides.use`) whose first part is capitalised:
 *   the type must be declared and the member must be a member name.
 * A name passes when it is declared or is a member name (`useSetup`, a method of the stack;
 * `schemaVersion`, a key of the results schema). All-lowercase spans (`paper`, `io_read`,
 * `commands`) are values, settings or words: not checked. NOT_CODE_NAMES lists the exceptions.
 */
export function codeNameKind(token: string, inCodeSpan: boolean): 'name' | 'member' | undefined {
  if (token in NOT_CODE_NAMES) return undefined;
  if (/^[A-Z][A-Za-z0-9]*\.[a-z][A-Za-z0-9]*$/.test(token)) return 'member';
  if (!/^[A-Za-z_$][\w$]*$/.test(token)) return undefined;
  if (/^[a-z][a-z0-9]*[A-Z]/.test(token)) return 'name';
  if (/^[A-Z][A-Za-z0-9]*[a-z][A-Z]/.test(token)) return 'name';
  if (inCodeSpan && (/^[A-Z][a-z0-9]+$/.test(token) || /^[A-Z][A-Z0-9_]{2,}$/.test(token))) return 'name';
  return undefined;
}

const SRC_FOLDERS = ['action', 'bin', 'cli', 'core', 'publish', 'stack'];

/**
 * The rule for "looks like a source path": a token ending in `.ts` (`core/plan/cells.ts`,
 * `src/stack/run.ts`, a bare `build.ts`), or a token with a `/` whose first folder is one of
 * src/'s (`stack/`, `core/report/exports/`) or a top-level entry of the repository
 * (`compose/derived/Dockerfile`, `schema/results.schema.json`). Paths in src/'s folders are
 * read from src/, other paths from the root. A `.ts` path starting anywhere else (a bare
 * `build.ts`, `latency/*.ts`: named relative to a folder the text gives around it) must be the
 * tail of a path under src/; `*` matches within one folder. Other slashed words (`i/n`,
 * `import-x/no-cycle`, `cells/<cell>/`) are not paths of the repository: not checked.
 */
export function pathExists(index: SourceIndex, token: string): boolean | undefined {
  if (!/^[\w.*@-]+(?:\/[\w.*@-]*)*$/.test(token) || token.startsWith('.')) return undefined;
  const first = token.split('/')[0]!;
  const inSrc = SRC_FOLDERS.includes(first) && token.includes('/');
  const topLevel = !inSrc && token.includes('/') && existsSync(join(index.root, first));
  if (!token.endsWith('.ts') && !inSrc && !topLevel) return undefined;
  const path = inSrc ? posix.join('src', token) : token;
  if ((inSrc || topLevel) && !path.includes('*')) return existsSync(join(index.root, path));
  // A glob, or a file named relative to a folder the text gives around it: the tail of a path under src/.
  const glob = path.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*');
  const pattern = new RegExp(inSrc || topLevel ? `^${glob}$` : `/${glob}$`);
  return index.files.some((file) => pattern.test(`src/${file}`));
}

/** Checks the code names and source paths `file` cites: in code spans, and word by word in fenced blocks. */
export function checkCodeNames(index: SourceIndex, file: string, markdown: string): Problem[] {
  const problems: Problem[] = [];
  const check = (line: number, token: string, inCodeSpan: boolean) => {
    const exists = pathExists(index, token);
    if (exists === false) problems.push({ file, line, message: `\`${token}\`: no such file or folder in the repository` });
    if (exists !== undefined) return;
    const kind = codeNameKind(token, inCodeSpan);
    if (kind === 'name' && !index.declared.has(token) && !index.members.has(token)) {
      problems.push({ file, line, message: `\`${token}\`: neither declared nor a member name under src/` });
    }
    if (kind === 'member') {
      const [type, member] = token.split('.') as [string, string];
      if (!index.declared.has(type)) problems.push({ file, line, message: `\`${token}\`: ${type} is not declared under src/` });
      else if (!index.members.has(member)) problems.push({ file, line, message: `\`${token}\`: no member ${member} under src/` });
    }
  };
  for (const { number, text, fenced } of lines(markdown)) {
    if (/^\s*(`{3,}|~{3,})/.test(text)) continue;
    if (fenced) {
      // Words of a diagram or a folder tree: split on spaces, punctuation and the slashes of "a/b/c" lists.
      for (const word of text.split(/[\s(),;:|·→▼│─]+/)) {
        const token = word.replace(/^[[{'"]+|[\]}'".]+$/g, '');
        if (token === '') continue;
        if (pathExists(index, token) !== undefined) check(number, token, false);
        else for (const part of token.split('/')) if (part !== '') check(number, part, false);
      }
      continue;
    }
    for (const span of codeSpans(text)) check(number, span, true);
  }
  return problems;
}
