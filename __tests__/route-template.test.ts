import { describe, expect, it } from 'vitest';
import { ConfigError } from '../src/core/config/errors.js';
import { checkRequestEnv, compileRequest, requestEnvNames } from '../src/core/config/route-request.js';
import { parseJsonTemplate, parseTemplate, TemplateError } from '../src/core/config/route-template.js';
import { route } from './helpers/routes.js';

describe('placeholders in a route template', () => {
  it('text alone is one text segment; "{{" and "}}" are literal braces', () => {
    expect(parseTemplate('/items/')).toEqual([{ kind: 'text', text: '/items/' }]);
    expect(parseTemplate('a{{b}}c')).toEqual([{ kind: 'text', text: 'a{b}c' }]);
    expect(parseTemplate('')).toEqual([]);
  });

  it('{int:min..max}: a random integer, both ends included, negatives allowed', () => {
    expect(parseTemplate('/items/{int:1..1000}/')).toEqual([
      { kind: 'text', text: '/items/' },
      { kind: 'int', min: 1, max: 1000 },
      { kind: 'text', text: '/' },
    ]);
    expect(parseTemplate('{int:-5..5}')).toEqual([{ kind: 'int', min: -5, max: 5 }]);
    expect(parseTemplate('{int:7..7}')).toEqual([{ kind: 'int', min: 7, max: 7 }]);
  });

  it('{choice:a,b}: one of the values, trimmed', () => {
    expect(parseTemplate('{choice:red, green ,blue}')).toEqual([{ kind: 'choice', values: ['red', 'green', 'blue'] }]);
  });

  it('{string} is 12 random letters; {string:n} n of them', () => {
    expect(parseTemplate('{string}')).toEqual([{ kind: 'string', length: 12 }]);
    expect(parseTemplate('x{string:3}')).toEqual([
      { kind: 'text', text: 'x' },
      { kind: 'string', length: 3 },
    ]);
  });

  it('${NAME} reads the runner environment, in header values only', () => {
    expect(parseTemplate('Bearer ${API_TOKEN}', { allowEnv: true })).toEqual([
      { kind: 'text', text: 'Bearer ' },
      { kind: 'env', name: 'API_TOKEN' },
    ]);
    expect(() => parseTemplate('Bearer ${API_TOKEN}')).toThrow(/environment variables are allowed in header values only/);
    expect(() => parseTemplate('${1X}', { allowEnv: true })).toThrow(/"?\$\{1X\} is not an environment variable name/);
  });

  it.each([
    ['{int}', /\{int\} needs a range, e\.g\. \{int:1\.\.1000\}/],
    ['{int:1-9}', /\{int:1-9\} needs a range/],
    ['{int:9..1}', /the range 9\.\.1 is empty; write the smaller end first/],
    ['{choice}', /needs values separated by commas/],
    ['{choice:a,,b}', /needs values separated by commas/],
    ['{string:0}', /the length must be a whole number from 1 to 10000/],
    ['{string:abc}', /the length must be a whole number/],
    ['{uuid}', /\{uuid\} is not a placeholder; placeholders are \{int:1\.\.1000\}/],
    ['/a/{int:1..2', /"\{" at position 4 is never closed/],
    ['/a}', /"\}" at position 3 closes nothing; write \}\} for a literal brace/],
  ])('refuses %s, saying what is wrong', (template, message) => {
    expect(() => parseTemplate(template)).toThrow(TemplateError);
    expect(() => parseTemplate(template)).toThrow(message);
  });
});

describe('a JSON body template', () => {
  it('keeps numbers, booleans and null; strings become templates; nesting is kept in order', () => {
    expect(parseJsonTemplate({ id: '{int:1..9}', tags: ['x', true], note: null, n: 2 })).toEqual({
      kind: 'object',
      entries: [
        ['id', { kind: 'template', segments: [{ kind: 'int', min: 1, max: 9 }] }],
        [
          'tags',
          {
            kind: 'array',
            items: [
              { kind: 'template', segments: [{ kind: 'text', text: 'x' }] },
              { kind: 'value', value: true },
            ],
          },
        ],
        ['note', { kind: 'value', value: null }],
        ['n', { kind: 'value', value: 2 }],
      ],
    });
  });
});

describe('a route compiled for the locustfile', () => {
  it('parses path, query, headers, form and expect; names the stats row by the path as written', () => {
    const request = compileRequest(
      route({
        method: 'POST',
        path: '/a/{int:1..3}/',
        query: { page: '{int:1..2}' },
        headers: { Authorization: 'Bearer ${TOKEN}', Accept: 'application/json' },
        form: { q: '{choice:x,y}' },
        expect: [201],
      }),
    );
    expect(request.name).toBe('/a/{int:1..3}/');
    expect(request.query).toEqual([['page', [{ kind: 'int', min: 1, max: 2 }]]]);
    expect(request.form).toEqual([['q', [{ kind: 'choice', values: ['x', 'y'] }]]]);
    expect(request.json).toBeNull();
    expect(request.expect).toEqual([201]);
    expect(requestEnvNames(request)).toEqual(['TOKEN']);
  });

  it('a route with no form sends none (null), so a GET has no body', () => {
    expect(compileRequest(route({})).form).toBeNull();
  });

  it('a bad placeholder is a ConfigError naming the route and the field', () => {
    const thrown = (() => {
      try {
        compileRequest(route({ name: 'search', headers: { 'X-Id': '{int:a..b}' } }));
      } catch (error) {
        return error;
      }
    })() as ConfigError;
    expect(thrown).toBeInstanceOf(ConfigError);
    expect(thrown.input).toBe('route "search" headers X-Id');
    expect(thrown.message).toMatch(/"\{int:a\.\.b\}": \{int:a\.\.b\} needs a range/);
  });

  it('a header reading an unset (or empty) variable is refused before the run, naming route, header and variable', () => {
    const routes = [route({ name: 'me', headers: { Authorization: 'Token ${API_TOKEN}' } })];
    expect(() => checkRequestEnv(routes, {})).toThrow(/API_TOKEN, which is not set; set it in the job's env/);
    expect(() => checkRequestEnv(routes, { API_TOKEN: '' })).toThrow(ConfigError);
    expect(() => checkRequestEnv(routes, { API_TOKEN: 's3cret' })).not.toThrow();
  });
});
