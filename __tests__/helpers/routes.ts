import type { RouteSpec } from '../../src/core/config/schema.js';

/** A route with every field empty but a GET of `/`, overridden by `fields`. */
export const route = (fields: Partial<RouteSpec>): RouteSpec => ({
  name: 'r',
  title: 'R',
  method: 'GET',
  path: '/',
  query: {},
  headers: {},
  form: {},
  json: null,
  expect: [],
  userClass: 'RouteUser',
  ...fields,
});
