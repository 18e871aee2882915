import { describe, expect, it } from 'vitest';
import { buildConfig, ConfigError, type RawInputs } from '../src/core/config/build.js';
import { cellDir, cellId, cellPath, inPlanOrder, parseCellDir, planCells, planShard, shardCells } from '../src/core/plan/cells.js';

const config = (inputs: RawInputs = {}) => buildConfig({ inputs });

describe('planCells', () => {
  const cells = planCells(config());

  it('plans the 27 cells of the study: setup-major, then route, then latency', () => {
    expect(cells).toHaveLength(27);
    const expected: string[] = [];
    for (const setup of ['sync', 'async-limited', 'async-unlimited']) {
      for (const route of ['cpu', 'io_read', 'io_create']) {
        for (const latency of [0, 100, 200]) expected.push(`${setup}/${route}/${latency}ms`);
      }
    }
    expect(cells.map((cell) => cell.id)).toEqual(expected);
    expect(new Set(cells.map((cell) => cell.dir)).size).toBe(27);
  });

  it('names each cell by a stable id and folder, carrying its setup and route', () => {
    const cell = cells.find((c) => c.id === 'async-limited/io_read/100ms')!;
    expect(cell.dir).toBe('async-limited__io_read__100ms');
    expect(cell.setup.name).toBe('async-limited');
    expect(cell.setup.database.maxConnections).toBe(100);
    expect(cell.route.path).toBe('/posts/io_read/');
    expect(cell.latencyMs).toBe(100);
    for (const c of cells) {
      expect(c.id).toBe(cellId(c.setup.name, c.route.name, c.latencyMs));
      expect(c.dir).toBe(cellDir(c.setup.name, c.route.name, c.latencyMs));
    }
  });

  it('is deterministic and follows the configured order', () => {
    expect(planCells(config())).toEqual(cells);
    const reordered = planCells(config({ setups: 'async-unlimited sync', routes: 'io_create', latencies: '200,0' }));
    expect(reordered.map((cell) => cell.id)).toEqual([
      'async-unlimited/io_create/200ms',
      'async-unlimited/io_create/0ms',
      'sync/io_create/200ms',
      'sync/io_create/0ms',
    ]);
  });
});

describe('inPlanOrder', () => {
  it('sorts anything with a cell id into the configured plan order, unknown ids last', () => {
    const small = config({ setups: 'async-unlimited sync', routes: 'cpu', latencies: '200,0' });
    const items = ['sync/cpu/0ms', 'elsewhere/cpu/0ms', 'async-unlimited/cpu/0ms', 'sync/cpu/200ms', 'async-unlimited/cpu/200ms'].map((id) => ({ id }));
    expect(inPlanOrder(items, small).map((item) => item.id)).toEqual([
      'async-unlimited/cpu/200ms',
      'async-unlimited/cpu/0ms',
      'sync/cpu/200ms',
      'sync/cpu/0ms',
      'elsewhere/cpu/0ms',
    ]);
    expect(items[0]!.id, 'the input is left as it was').toBe('sync/cpu/0ms');
  });
});

describe('cell folders', () => {
  it('formats ids and folders', () => {
    expect(cellId('async-limited', 'io_read', 100)).toBe('async-limited/io_read/100ms');
    expect(cellDir('async-limited', 'io_read', 100)).toBe('async-limited__io_read__100ms');
    expect(cellPath(cellDir('sync', 'cpu', 0))).toBe('cells/sync__cpu__0ms');
  });

  it('parseCellDir round-trips cellDir, including names with "_" and "-" anywhere allowed', () => {
    const names = ['sync', 'async-limited', 'io_read', 'io_create', 'a', '9', 'x_', 'y-', 'a_b-c', 'a-_b', 'z_-'];
    for (const setup of names) {
      for (const route of names) {
        for (const latencyMs of [0, 7, 100, 2500]) {
          expect(parseCellDir(cellDir(setup, route, latencyMs)), `${setup} ${route} ${latencyMs}`).toEqual({ setup, route, latencyMs });
        }
      }
    }
  });

  it('refuses setup and route names with "__", which would make folders ambiguous', () => {
    // cellDir('a__b', 'c', 0) === cellDir('a', 'b__c', 0): such names cannot be allowed.
    for (const [kind, yaml] of [
      ['setups entry name', 'setups:\n  - name: a__b\n    interface: wsgi\n    command: [x]\n'],
      ['routes entry name', 'routes:\n  - name: b__c\n    path: /c/\n'],
    ] as const) {
      let thrown: unknown;
      try {
        buildConfig({ inputs: {}, file: { path: 'async-bench.yml', text: yaml } });
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(ConfigError);
      expect((thrown as ConfigError).input).toBe(kind);
      expect((thrown as ConfigError).message).toMatch(/"__"/);
    }
  });

  it.each(['sync__cpu__100', 'sync__cpu', 'Sync__cpu__0ms', 'sync__cpu__-5ms', 'sync__cpu__1.5ms', 'sync/cpu/0ms', 'results.json', '', '__cpu__0ms'])(
    'parseCellDir(%j) is null',
    (dir) => {
      expect(parseCellDir(dir)).toBeNull();
    },
  );
});

describe('shardCells', () => {
  it('returns every cell without a shard', () => {
    const cells = planCells(config());
    expect(shardCells(cells, null)).toBe(cells);
  });

  it('splits any number of cells into balanced, disjoint, complete, in-order shards', () => {
    for (let length = 1; length <= 30; length++) {
      const cells = Array.from({ length }, (_, i) => i);
      for (let total = 1; total <= length; total++) {
        const shards = Array.from({ length: total }, (_, i) => shardCells(cells, { index: i + 1, total }));
        const sizes = shards.map((shard) => shard.length);
        const where = `${length} cells / ${total} shards: sizes ${sizes.join(',')}`;
        expect(Math.max(...sizes) - Math.min(...sizes), where).toBeLessThanOrEqual(1);
        expect(Math.min(...sizes), where).toBeGreaterThan(0);
        // Concatenated in shard order they are exactly the cells: disjoint, complete, in order.
        expect(shards.flat(), where).toEqual(cells);
        // Larger shards first, so shard i/n is stable to compute on its own.
        expect(
          [...sizes].sort((a, b) => b - a),
          where,
        ).toEqual(sizes);
      }
    }
  });

  it('covers the 27 study cells for every n from 1 to 27', () => {
    const cells = planCells(config());
    for (let total = 1; total <= 27; total++) {
      const shards = Array.from({ length: total }, (_, i) => shardCells(cells, { index: i + 1, total }));
      for (const shard of shards) expect([Math.floor(27 / total), Math.ceil(27 / total)]).toContain(shard.length);
      expect(shards.flat().map((cell) => cell.id)).toEqual(cells.map((cell) => cell.id));
    }
  });

  it('splits 10 cells into 3 shards of 4, 3 and 3', () => {
    const ten = config({ setups: 'sync,async-limited', routes: 'cpu', latencies: '0,50,100,150,200' });
    const shard = (index: number) => planShard({ ...ten, shard: { index, total: 3 } }).map((cell) => cell.id);
    expect(shard(1)).toEqual(['sync/cpu/0ms', 'sync/cpu/50ms', 'sync/cpu/100ms', 'sync/cpu/150ms']);
    expect(shard(2)).toEqual(['sync/cpu/200ms', 'async-limited/cpu/0ms', 'async-limited/cpu/50ms']);
    expect(shard(3)).toEqual(['async-limited/cpu/100ms', 'async-limited/cpu/150ms', 'async-limited/cpu/200ms']);
  });
});

describe('planShard', () => {
  it('keeps whole setups together for the study in 3 shards', () => {
    const shard = planShard(config({ shard: '2/3' }));
    expect(shard).toHaveLength(9);
    expect(new Set(shard.map((cell) => cell.setup.name))).toEqual(new Set(['async-limited']));
  });

  it('plans every cell without a shard', () => {
    expect(planShard(config())).toEqual(planCells(config()));
  });

  it('refuses more shards than cells, naming the shard input and the limit', () => {
    expect(planShard(config({ shard: '27/27' }))).toHaveLength(1);
    let thrown: unknown;
    try {
      planShard(config({ shard: '1/28' }));
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ConfigError);
    expect((thrown as ConfigError).input).toBe('shard');
    expect((thrown as ConfigError).message).toContain('"1/28" splits 27 cells into 28 shards');
    expect((thrown as ConfigError).message).toContain('use at most 27 shards');
    // A smaller matrix lowers the limit.
    expect(() => planShard(config({ routes: 'cpu', latencies: '0', shard: '4/4' }))).toThrow(/splits 3 cells into 4 shards.*at most 3/);
  });
});
