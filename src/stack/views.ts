/**
 * Which view serves each route, and whether it and the middleware are async: asked of Django
 * itself in the running app container (the setup's env picks views, as the shop's SHOP_VIEWS
 * does), so the report can say when an ASGI setup served sync views through Django's thread
 * adaptation, which is then what was measured, not async I/O. The pure half: the command and
 * reading its answer; preflight.ts runs it.
 */
import type { RequestRoute } from '../core/config/schema.js';
import { parseTemplate, type Segment } from '../core/config/route-template.js';
import { SetupViewsSchema, type SetupViews } from '../core/results/schema.js';

/** The answer is one stdout line starting with this (settings may print other lines). */
const MARK = 'ASYNC_BENCH_VIEWS ';

/**
 * Resolves each path with django.urls.resolve. A class-based view is async when its class
 * says so (View.view_is_async, Django 4.1+); a function when it is a coroutine function,
 * as asgiref (and Django's markcoroutinefunction) sees one. A middleware class without
 * async_capable makes Django adapt the whole request to a thread under ASGI.
 */
const PROBE = `
import asyncio, json
try:
    from asgiref.sync import iscoroutinefunction
except ImportError:
    iscoroutinefunction = asyncio.iscoroutinefunction
from django.conf import settings
from django.urls import Resolver404, resolve
from django.utils.module_loading import import_string

def middleware(path):
    try:
        return {"path": path, "async": bool(getattr(import_string(path), "async_capable", False))}
    except Exception:
        return {"path": path, "async": None}

def view(path):
    try:
        func = resolve(path).func
    except Resolver404:
        return {"path": path, "view": None, "async": None}
    cls = getattr(func, "view_class", None)
    target = cls or func
    name = getattr(target, "__module__", "?") + "." + getattr(target, "__qualname__", getattr(target, "__name__", "?"))
    is_async = bool(getattr(cls, "view_is_async", False)) if cls is not None else iscoroutinefunction(func)
    return {"path": path, "view": name, "async": is_async}

paths = json.loads(PATHS)
print("${MARK.trim()} " + json.dumps({
    "middleware": [middleware(p) for p in getattr(settings, "MIDDLEWARE", [])],
    "routes": {name: view(p) for name, p in paths.items()},
}))
`;

/** A path with its placeholders at their first value: {int:1..5000} → 1, {choice:a,b} → a, {string:4} → aaaa. */
export function samplePath(template: string): string {
  const value = (segment: Segment): string => {
    switch (segment.kind) {
      case 'text':
        return segment.text;
      case 'int':
        return String(segment.min);
      case 'choice':
        return segment.values[0] ?? '';
      case 'string':
        return 'a'.repeat(segment.length);
      case 'env':
        return '';
    }
  };
  return parseTemplate(template).map(value).join('');
}

/** `manage.py shell -c` with the probe; the paths are a JSON text inside a Python string literal (JSON's escapes are Python's). */
export function viewProbeArgv(requests: readonly RequestRoute[]): string[] {
  const paths = Object.fromEntries(requests.map((request) => [request.name, samplePath(request.path)]));
  return ['python', 'manage.py', 'shell', '-c', `PATHS = ${JSON.stringify(JSON.stringify(paths))}\n${PROBE}`];
}

/** The probe's answer, or null when it printed none (an older Django, a failing import: the run goes on without it). */
export function parseViewProbe(stdout: string): SetupViews | null {
  const line = stdout.split('\n').find((text) => text.startsWith(MARK));
  if (!line) return null;
  try {
    const parsed = SetupViewsSchema.safeParse(JSON.parse(line.slice(MARK.length)));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
