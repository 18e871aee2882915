import { describe, expect, it } from 'vitest';
import { renderReport } from '../src/core/report/body.js';
import { renderExports } from '../src/core/report/exports/index.js';
import { renderHtmlReport } from '../src/core/report/html/index.js';
import { makeResults } from './helpers/results.js';

/*
 * What is true of the reference app stays out of a team's report: a team's app that seeds
 * its own data gets no "Seeded posts" line, and a route's query is part of the target every
 * report names (two routes on one path differ by it).
 */
const TEAM_APP = `
app:
  name: shop
  context: examples/shop
  python: '3.13'
  requirements: requirements.txt
  wsgi: shop.wsgi:application
  asgi: shop.asgi:application
  health-path: /health/
  prepare:
    - [seed_shop, --products, '5000']
routes:
  - name: list
    title: Product list, filtered
    path: /products/
    query: { category: '{choice:books,games}', sort: price }
  - name: detail
    title: Product by id
    path: /products/{int:1..5000}/
`;
const team = makeResults({ latencies: '0' }, () => ({}), TEAM_APP);
const reference = makeResults({ latencies: '0' }, () => ({}));
const configuration = (body: string): string =>
  body.slice(body.indexOf('<summary>Configuration</summary>'), body.indexOf('</details>', body.indexOf('<summary>Configuration</summary>')));

describe("a team's app in the report", () => {
  it('claims no seeded posts when no prepare command takes {seed-posts}; the reference app keeps the line', () => {
    const teamConfig = configuration(renderReport(team, { comparison: null }));
    expect(teamConfig).toContain('- Added latencies: 0 ms; latency method');
    expect(teamConfig).not.toMatch(/Seeded posts/);
    expect(configuration(renderReport(reference, { comparison: null }))).toContain('- Seeded posts: 1,000,000; added latencies: 0 ms;');
  });

  it('a team app whose own prepare step takes {seed-posts} shows the count it was given', () => {
    const seeding = makeResults({ latencies: '0', 'seed-posts': '2000' }, () => ({}), TEAM_APP.replace("'5000'", "'{seed-posts}'"));
    expect(configuration(renderReport(seeding, { comparison: null }))).toContain('- Seeded posts: 2,000; added latencies');
  });

  it("names each route's path with its query: table titles (markdown and HTML), configuration, exports", () => {
    const body = renderReport(team, { comparison: null });
    expect(body).toContain('**Table 1: Product list, filtered** (GET `/products/?category={choice:books,games}&sort=price`): max sRPS');
    expect(body).toContain('**Table 2: Product by id** (GET `/products/{int:1..5000}/`): max sRPS');
    expect(configuration(body)).toContain('- Route `list`: GET `/products/?category={choice:books,games}&sort=price`');
    const html = renderHtmlReport(team, { comparison: null, series: new Map() });
    expect(html).toContain('(GET <code>/products/?category={choice:books,games}&amp;sort=price</code>)');
    const benchmarkAction = renderExports(team).find((file) => file.file === 'github-action-benchmark.json')!.content;
    expect(JSON.parse(benchmarkAction)[0].extra).toContain('route: GET /products/?category={choice:books,games}&sort=price');
  });
});
