import { describe, expect, it } from 'vitest';
import { BUILT_IN_ROUTES } from '../../src/core/config/defaults.js';
import type { RouteSpec } from '../../src/core/config/schema.js';
import { netemChange } from '../../src/stack/latency/control.js';
import { appKey, declaresReadOnly, readOnlyStatement, stillPristine, WarmState } from '../../src/stack/warm.js';

const route = (name: string): RouteSpec => BUILT_IN_ROUTES.find((candidate) => candidate.name === name)!;
const signals = (...queries: string[]) => ({ sql: { statements: queries.map((query) => ({ query, calls: 1, rows: 1, totalMs: 1 })) } });

describe('restore before a sample?', () => {
  it('reads only where every request is a GET or HEAD the runner builds', () => {
    expect(declaresReadOnly(route('io_read'))).toBe(true);
    expect(declaresReadOnly(route('io_create'))).toBe(false);
    // A team's locustfile may send anything.
    expect(declaresReadOnly({ ...route('io_read'), locustfile: 'load/shop.py' })).toBe(false);
    // A mix reads only when every member does.
    expect(declaresReadOnly({ ...route('io_read'), mix: [route('io_read'), route('cpu')] })).toBe(true);
    expect(declaresReadOnly({ ...route('io_read'), mix: [route('io_read'), route('io_create')] })).toBe(false);
  });

  it('tells reading statements from writing ones (pg_stat_statements text)', () => {
    expect(readOnlyStatement('SELECT count(*) AS "__count" FROM "posts_post"')).toBe(true);
    expect(readOnlyStatement(`SELECT "posts_post"."created_at", "posts_post"."updated_at" FROM "posts_post" LIMIT $1`)).toBe(true);
    expect(readOnlyStatement(`SELECT set_config($1, $2, $3)`)).toBe(true);
    expect(readOnlyStatement('INSERT INTO "posts_post" ("id") VALUES ($1)')).toBe(false);
    expect(readOnlyStatement('UPDATE "posts_post" SET "title" = $1')).toBe(false);
    expect(readOnlyStatement('DELETE FROM "django_session" WHERE "expire_date" < $1')).toBe(false);
    expect(readOnlyStatement('WITH moved AS (DELETE FROM a RETURNING *) SELECT * FROM moved')).toBe(false);
    expect(readOnlyStatement('SELECT * FROM "shop_order" WHERE id = $1 FOR UPDATE')).toBe(false);
    expect(readOnlyStatement(`SELECT nextval($1)`)).toBe(false);
    expect(readOnlyStatement('/* comment */ SELECT 1')).toBe(true);
  });

  it('keeps the database pristine only after a pristine, read-only sample whose statements are known', () => {
    expect(stillPristine(true, route('io_read'), signals('SELECT 1'))).toBe(true);
    expect(stillPristine(false, route('io_read'), signals('SELECT 1'))).toBe(false);
    expect(stillPristine(true, route('io_create'), signals('SELECT 1'))).toBe(false);
    // A GET view that writes all the same (a visit counter): its signals show it.
    expect(stillPristine(true, route('io_read'), signals('SELECT 1', 'UPDATE "visits" SET n = n + $1'))).toBe(false);
    // No signals (the window could not read the database): unknown counts as written.
    expect(stillPristine(true, route('io_read'), null)).toBe(false);
    expect(stillPristine(true, route('io_read'), { sql: null })).toBe(false);
  });
});

describe('keep an app warm?', () => {
  const target = { app: { image: 'app:local' }, setup: { name: 'sync' }, latencyMethod: 'netem' };

  it('reuses a service only for the target it was started for, until a restore forgets it', () => {
    const warm = new WarmState();
    warm.started('app', appKey(target));
    expect(warm.app('app', appKey(target))).not.toBeNull();
    expect(warm.app('app_base', appKey(target))).toBeNull();
    expect(warm.app('app', appKey({ ...target, setup: { name: 'async-unlimited' } }))).toBeNull();
    expect(warm.app('app', appKey({ ...target, app: { image: 'app-base:local' } }))).toBeNull();
    expect(warm.app('app', appKey({ ...target, latencyMethod: 'toxiproxy' }))).toBeNull();
    warm.forgetApps();
    expect(warm.app('app', appKey(target))).toBeNull();
  });

  it("changes a warm app's netem delay only when it differs: add, replace, delete", () => {
    expect(netemChange(0, 0)).toBeNull();
    expect(netemChange(200, 200)).toBeNull();
    expect(netemChange(0, 100)).toEqual(['tc', 'qdisc', 'add', 'dev', 'eth0', 'root', 'netem', 'delay', '100ms']);
    expect(netemChange(100, 200)).toEqual(['tc', 'qdisc', 'replace', 'dev', 'eth0', 'root', 'netem', 'delay', '200ms']);
    expect(netemChange(200, 0)).toEqual(['tc', 'qdisc', 'del', 'dev', 'eth0', 'root']);
    const warm = new WarmState();
    warm.started('app', 'k');
    warm.latencyApplied('app', 100);
    expect(warm.latencyOf('app')).toBe(100);
    warm.started('app', 'k');
    expect(warm.latencyOf('app')).toBe(0);
  });
});
