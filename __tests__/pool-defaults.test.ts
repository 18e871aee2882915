import { describe, expect, it } from 'vitest';
import { buildConfig } from '../src/core/config/build.js';
import { blockerText, poolBlocker, withUsablePool } from '../src/core/config/pool.js';
import { planShard } from '../src/core/plan/cells.js';
import { renderSetupNotes } from '../src/core/report/setup-notes.js';
import { planForImage } from '../src/stack/run-plan.js';
import { makeResults } from './helpers/results.js';

const TEAM_APP = 'app:\n  context: ./mysite\n  wsgi: mysite.wsgi:application\n  asgi: mysite.asgi:application\n';
const team = (inputs: Record<string, string> = {}) => buildConfig({ inputs: { latencies: '0', ...inputs }, file: { path: 'async-bench.yml', text: TEAM_APP } });

/** The versions the fingerprint reads inside an image (fingerprint.ts APP_PACKAGES): null is absent. */
const image = (packages: Record<string, string | null>) => ({ django: '5.2.19', psycopg: null, 'psycopg-pool': null, psycopg2: null, ...packages });
const PSYCOPG3_POOL = image({ psycopg: '3.3.9', 'psycopg-pool': '3.3.3' });

describe('Django’s connection pool: what rules it out', () => {
  it('nothing for psycopg 3 with its pool and Django 5.1+; else the driver, the pool or Django, in that order', () => {
    expect(poolBlocker(PSYCOPG3_POOL)).toBeNull();
    expect(poolBlocker(image({ psycopg2: '2.9.10' }))).toEqual({ kind: 'psycopg2', version: '2.9.10' });
    expect(poolBlocker(image({ 'psycopg2-binary': '2.9.10' }))).toEqual({ kind: 'psycopg2', version: '2.9.10' });
    expect(poolBlocker(image({ psycopg: '3.3.9' }))).toEqual({ kind: 'no-pool', psycopg: '3.3.9' });
    expect(poolBlocker(image({ psycopg: '3.3.9', 'psycopg-pool': '3.3.3', django: '5.0.14' }))).toEqual({ kind: 'django', version: '5.0.14' });
    expect(poolBlocker(image({ psycopg: '3.3.9', 'psycopg-pool': '3.3.3', django: '4.2.20' }))).toEqual({ kind: 'django', version: '4.2.20' });
    expect(poolBlocker(image({}))).toEqual({ kind: 'no-driver' });
    // A record that does not name the packages (results older than it): nothing claimed.
    expect(poolBlocker({ django: '5.2.19', psycopg: '3.3.9' })).toBeNull();
    expect(blockerText({ kind: 'psycopg2', version: '2.9.10' }, (text) => `<${text}>`)).toBe('this project uses psycopg2 <2.9.10>');
  });
});

describe('a team’s default setups and the pool presets', () => {
  it('keeps them when the built image can use the pool', () => {
    const config = team();
    expect(withUsablePool(config, PSYCOPG3_POOL)).toEqual({ config, leftOut: [], blocker: null });
  });

  it('leaves them out, with the reason, when psycopg2, a missing pool or an old Django rules the pool out', () => {
    for (const packages of [
      image({ psycopg2: '2.9.10' }),
      image({ psycopg: '3.3.9' }),
      image({ psycopg: '3.3.9', 'psycopg-pool': '3.3.3', django: '4.2.20' }),
    ]) {
      const { config, leftOut, blocker } = withUsablePool(team(), packages);
      expect(config.setups.map((setup) => setup.name)).toEqual(['sync-workers', 'gthread', 'async-workers']);
      expect(leftOut.map((setup) => setup.name)).toEqual(['gthread-pool', 'async-workers-pool']);
      expect(blocker).toEqual(poolBlocker(packages));
    }
  });

  it('never drops setups a source named, even ones that cannot run', () => {
    const named = team({ setups: 'async-workers,async-workers-pool' });
    expect(withUsablePool(named, image({ psycopg2: '2.9.10' })).config).toBe(named);
  });

  it('the run drops their cells once the image is read, and says why on the console', () => {
    const config = team();
    const lines: string[] = [];
    const log = { info: (line: string) => lines.push(line) };
    const plan = planForImage({ config, cells: planShard(config) }, image({ psycopg2: '2.9.10' }), log);
    expect([...new Set(plan.cells.map((cell) => cell.setup.name))]).toEqual(['sync-workers', 'gthread', 'async-workers']);
    expect(plan.cells).toHaveLength(3 * config.routes.length);
    expect(plan.config.setups).toHaveLength(3);
    expect(lines).toEqual([
      'Left out of the default setups: gthread-pool, async-workers-pool. Django’s own connection pool needs psycopg 3 with psycopg[pool] ' +
        'and Django 5.1+; this project uses psycopg2 2.9.10.',
    ]);
    const usable = { config, cells: planShard(config) };
    expect(planForImage(usable, PSYCOPG3_POOL, log)).toBe(usable);
    expect(lines).toHaveLength(1);
  });

  it('the report says which defaults were left out and why', () => {
    const results = makeResults({}, () => ({}), `${TEAM_APP}routes: [{ name: home, path: / }]\n`);
    const left = withUsablePool(results.config, image({ psycopg2: '2.9.10' })).config;
    expect(left.setupsByDefault).toBe(true);
    const notes = renderSetupNotes({ ...results, config: left, environment: { ...results.environment, stack: image({ psycopg2: '2.9.10' }) } });
    expect(notes).toContain(
      '- `gthread-pool` and `async-workers-pool`, of a team’s default setups, were left out: Django’s own connection pool needs psycopg 3 with ' +
        'psycopg[pool] and Django 5.1+, which moves these numbers more than the server does; this project uses psycopg2 `2.9.10`.',
    );
  });
});
