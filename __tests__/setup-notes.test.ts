import { describe, expect, it } from 'vitest';
import { renderReport } from '../src/core/report/body.js';
import { renderSetupNotes } from '../src/core/report/setup-notes.js';
import { parseResults, serializeResults, type Results } from '../src/core/results/results.js';
import type { SetupViews } from '../src/core/results/schema.js';
import { parseViewProbe, samplePath, viewProbeArgv } from '../src/stack/views.js';
import { makeResults } from './helpers/results.js';
import { route } from './helpers/routes.js';

/** The shop's routes as its two view modules serve them (examples/shop/catalog/views_sync.py, views_async.py). */
const shopViews = (async: boolean, middlewareAsync: boolean): SetupViews => ({
  middleware: [{ path: 'django.middleware.common.CommonMiddleware', async: middlewareAsync }],
  routes: {
    list: { path: '/products/', view: `catalog.views_${async ? 'async' : 'sync'}.product_list`, async },
    detail: { path: '/products/1/', view: `catalog.views_${async ? 'async' : 'sync'}.product_detail`, async },
  },
});

const SHOP = `
app: { context: examples/shop, wsgi: shop.wsgi:application, asgi: shop.asgi:application }
setups: [sync-workers, async-workers, { name: async-sync-views, label: Async + sync views, interface: asgi, command: [uvicorn, '{asgi}'] }]
routes: [{ name: list, path: /products/ }, { name: detail, path: '/products/{int:1..5000}/' }]
`;

function withEnvironment(results: Results, change: Partial<Results['environment']>): Results {
  // Through the schema: what a results.json holding these fields reads as.
  return parseResults('test', serializeResults({ ...results, environment: { ...results.environment, ...change } }));
}

describe('what the setups really ran', () => {
  it('says when an ASGI setup served sync views through the thread adaptation, and async views under WSGI', () => {
    const results = withEnvironment(
      makeResults({}, () => ({}), SHOP),
      {
        views: {
          'sync-workers': shopViews(true, true),
          'async-workers': shopViews(true, true),
          'async-sync-views': { ...shopViews(false, false), routes: { ...shopViews(false, false).routes, detail: shopViews(true, false).routes.detail! } },
        },
        stack: { psycopg: '3.3.9', django: '5.2.19' },
      },
    );
    expect(renderSetupNotes(results)).toBe(
      [
        '**What the setups really ran.**',
        '- Under Sync workers (WSGI), `list` and `detail` ran async views through `async_to_sync`: an event loop per request, on a worker thread.',
        '- Under Async + sync views (ASGI), `list` ran sync views through Django’s thread adaptation (`sync_to_async`): that, not async I/O, is what was measured.',
        '- Under Async + sync views (ASGI), middleware that is not async-capable (`django.middleware.common.CommonMiddleware`) made Django adapt every request to a thread.',
        '- Pooling moves these numbers more than the server does: this project’s psycopg `3.3.9` allows Django’s own connection pool, so try the setups `gthread-pool` and `async-workers-pool`.',
      ].join('\n'),
    );
    const body = renderReport(results, { comparison: null });
    expect(body.indexOf('**What the setups really ran.**')).toBeGreaterThan(body.indexOf('**What this run shows.**'));
  });

  it('suggests the pool presets only with psycopg’s pool installed, else says what to add', () => {
    const team = makeResults({}, () => ({}), SHOP);
    const note = (stack: Record<string, string | null>) => renderSetupNotes(withEnvironment(team, { stack: { django: '5.2.19', psycopg: '3.3.9', ...stack } }));
    // The example shop: psycopg 3 without psycopg-pool, where the pool presets stop at the preflight.
    expect(note({ 'psycopg-pool': null })).toBe(
      '**What the setups really ran.**\n- Pooling moves these numbers more than the server does: this project’s psycopg `3.3.9` allows Django’s own ' +
        'connection pool once psycopg’s pool is installed (`psycopg[pool]` in its requirements; it has none); then try the setups `gthread-pool` and `async-workers-pool`.',
    );
    expect(note({ 'psycopg-pool': '3.2.6' })).toContain('allows Django’s own connection pool, so try the setups `gthread-pool` and `async-workers-pool`.');
    // Results recorded before psycopg-pool was: no claim either way.
    expect(note({})).toContain('allows Django’s own connection pool, so try the setups');
  });

  it('says when the project’s driver rules Django’s pool out', () => {
    const team = makeResults({}, () => ({}), SHOP);
    expect(renderSetupNotes(withEnvironment(team, { stack: { psycopg2: '2.9.10', django: '5.2.19' } }))).toBe(
      '**What the setups really ran.**\n- Django’s own connection pool needs psycopg 3 with psycopg[pool] and Django 5.1+, which moves these numbers more than the server does; ' +
        'this project uses psycopg2 `2.9.10`, which rules it out.',
    );
    const pooled = makeResults({ setups: 'async-workers-pool' }, () => ({}), SHOP);
    expect(renderSetupNotes(withEnvironment(pooled, { stack: { psycopg: '3.3.9', django: '4.2.20' } }))).toContain(
      'so Async workers + pool could not use it: this project has Django `4.2.20`.',
    );
    // The reference app, or a stack that did not say: nothing to note.
    expect(
      renderSetupNotes(
        withEnvironment(
          makeResults({}, () => ({})),
          { stack: { psycopg: '3.3.9', django: '5.2.19' } },
        ),
      ),
    ).toBe('');
    expect(renderSetupNotes(team)).toBe('');
  });

  it('older results without views still read, and say nothing of them', () => {
    const results = makeResults({}, () => ({}), SHOP);
    expect(parseResults('old', serializeResults(results)).environment.views).toBeUndefined();
  });
});

describe('the view probe (run in the app container by the preflight)', () => {
  it('resolves a route’s path with each placeholder at its first value', () => {
    expect(samplePath('/products/{int:1..5000}/')).toBe('/products/1/');
    expect(samplePath('/c/{choice:books,games}/{string:3}/{{x}}')).toBe('/c/books/aaa/{x}');
  });

  it('is manage.py shell -c with the paths as data inside the script', () => {
    const argv = viewProbeArgv([route({ name: 'detail', path: '/p/{int:7..9}/"x"' })]);
    expect(argv.slice(0, 4)).toEqual(['python', 'manage.py', 'shell', '-c']);
    expect(argv[4]!.split('\n')[0]).toBe(String.raw`PATHS = "{\"detail\":\"/p/7/\\\"x\\\"\"}"`);
  });

  it('reads its answer line, and nothing from a probe that printed none or nonsense', () => {
    const answer = shopViews(false, true);
    expect(parseViewProbe(`some warning\nASYNC_BENCH_VIEWS ${JSON.stringify(answer)}\n`)).toEqual(answer);
    expect(parseViewProbe('Traceback …')).toBeNull();
    expect(parseViewProbe('ASYNC_BENCH_VIEWS {"middleware": 3}')).toBeNull();
  });
});
