// The house rules a reviewer checks by eye, checked here so they do not drift back: no source
// line over 160 characters, no function over 60 lines without a reason written beside it, and
// a comment opening every file in src/stack/ that says what the file is for.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { FIXTURES } from './helpers/fixtures.js';

const ROOT = join(FIXTURES, '..', '..');
const MAX_LINE = 160;
const MAX_FUNCTION_LINES = 60;
/** A function may run longer when the comment right above it says why, starting `Long:`. */
const REASON = /\bLong:/;

const sourceFiles = (dir: string): string[] =>
  readdirSync(join(ROOT, dir), { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts'))
    .map((entry) => relative(ROOT, join(entry.parentPath, entry.name)))
    .sort();
const read = (file: string) => readFileSync(join(ROOT, file), 'utf8');

function longLines(file: string, text: string): string[] {
  return text.split('\n').flatMap((line, i) => (line.length > MAX_LINE ? [`${file}:${i + 1}: ${line.length} characters`] : []));
}

const isFunction = (node: ts.Node): node is ts.FunctionLikeDeclaration =>
  ts.isFunctionDeclaration(node) ||
  ts.isMethodDeclaration(node) ||
  ts.isArrowFunction(node) ||
  ts.isFunctionExpression(node) ||
  ts.isConstructorDeclaration(node) ||
  ts.isGetAccessor(node) ||
  ts.isSetAccessor(node);

function functionName(node: ts.FunctionLikeDeclaration, source: ts.SourceFile): string {
  if (node.name) return node.name.getText(source);
  const parent = node.parent;
  if (ts.isVariableDeclaration(parent) || ts.isPropertyAssignment(parent) || ts.isPropertyDeclaration(parent)) return parent.name.getText(source);
  return '(anonymous)';
}

/** The comment written right above a function: its own, or its statement's (`const f = () => …`, `export …`). */
function commentAbove(node: ts.Node, text: string): string {
  let holder: ts.Node = node;
  while (!ts.isSourceFile(holder.parent) && !ts.isBlock(holder.parent) && !ts.isClassLike(holder.parent) && !ts.isObjectLiteralExpression(holder.parent))
    holder = holder.parent;
  return (ts.getLeadingCommentRanges(text, holder.getFullStart()) ?? []).map((range) => text.slice(range.pos, range.end)).join('\n');
}

/** Every function longer than the rule allows with no reason above it, as `file:line: name (N lines)`. */
function longFunctions(file: string, text: string): string[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const lineOf = (position: number) => source.getLineAndCharacterOfPosition(position).line + 1;
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    if (isFunction(node)) {
      const start = lineOf(node.getStart(source));
      const lines = lineOf(node.getEnd()) - start + 1;
      if (lines > MAX_FUNCTION_LINES && !REASON.test(commentAbove(node, text))) found.push(`${file}:${start}: ${functionName(node, source)} (${lines} lines)`);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/** Whether the file opens with a comment (before its first import or declaration). */
const opensWithComment = (text: string): boolean => /^\s*(\/\*|\/\/)/.test(text);

describe('the source', () => {
  const files = sourceFiles('src');

  it(`has no line over ${MAX_LINE} characters`, () => {
    expect(files.flatMap((file) => longLines(file, read(file)))).toEqual([]);
  });

  it(`has no function over ${MAX_FUNCTION_LINES} lines without a reason above it (a comment with "Long:")`, () => {
    expect(files.flatMap((file) => longFunctions(file, read(file)))).toEqual([]);
  });

  it('opens every file in src/stack/ with a comment that says what it is for', () => {
    expect(sourceFiles('src/stack').filter((file) => !opensWithComment(read(file)))).toEqual([]);
  });
});

describe('the checks themselves', () => {
  const body = (lines: number) => Array.from({ length: lines - 2 }, (_, i) => `  const x${i} = ${i};`).join('\n');

  it('report a long line with its file, line and length', () => {
    expect(longLines('a.ts', `short\n${'x'.repeat(161)}\n${'y'.repeat(160)}`)).toEqual(['a.ts:2: 161 characters']);
  });

  it('count a function from its first line to its last, whatever its form, and accept a reason above it', () => {
    const text = [
      `/** Documented, but no reason. */\nexport function declared() {\n${body(61)}\n}`,
      `const arrow = () => {\n${body(61)}\n};`,
      `class C {\n  method() {\n${body(61)}\n  }\n}`,
      `function fits() {\n${body(60)}\n}`,
      `/** Long: one try/finally around the steps. */\nfunction excused() {\n${body(61)}\n}`,
      `// Long: a table of cases, read top to bottom.\nexport const excusedArrow = () => {\n${body(61)}\n};`,
    ].join('\n');
    expect(longFunctions('a.ts', text).map((found) => found.replace(/^a\.ts:\d+: /, ''))).toEqual([
      'declared (61 lines)',
      'arrow (61 lines)',
      'method (61 lines)',
    ]);
  });

  it('tell a file that opens with a comment from one that opens with code', () => {
    expect([opensWithComment('/** What it is for. */\nimport x from "y";'), opensWithComment('\n// Why.\nexport {};')]).toEqual([true, true]);
    expect(opensWithComment("import x from 'y';\n/** A declaration's comment. */")).toBe(false);
  });
});
