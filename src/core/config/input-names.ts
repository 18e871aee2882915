/** Names shared by action inputs, CLI flags (`--name`) and async-bench.yml keys. */
export const CONFIG_INPUTS = [
  'profile',
  'setups',
  'routes',
  'latencies',
  'users',
  'spawn-rate',
  'run-time',
  'processes',
  'seed-posts',
  'latency-method',
  'shard',
  'baseline',
  'threshold',
  'fail-on-regression',
  'out',
] as const;
export type ConfigInput = (typeof CONFIG_INPUTS)[number];
