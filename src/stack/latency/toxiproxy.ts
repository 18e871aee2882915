/**
 * Shopify Toxiproxy, for kernels without netem: the app reaches the database
 * through `db` and is reached by Locust through `app`; latency toxics delay what
 * the app sends (app → db upstream, app → client downstream). Only data through
 * the proxies is delayed, not connection set-up.
 */
import { errorMessage } from '../../core/error-message.js';

export interface ProxySpec {
  name: string;
  listen: string;
  upstream: string;
  /** Which direction carries what the app sends. */
  appSends: 'upstream' | 'downstream';
}

export const TOXIPROXY_API_PORT = 8474;

/** The proxies of compose/toxiproxy/toxiproxy.json (Toxiproxy creates them at start). */
export const PROXIES: ProxySpec[] = [
  { name: 'db_proxy', listen: '0.0.0.0:15432', upstream: 'db:5432', appSends: 'upstream' },
  { name: 'app_proxy', listen: '0.0.0.0:18000', upstream: 'app:8000', appSends: 'downstream' },
  // Base's app (baseline: base): its own proxy with the same toxics, so both sides stay warm and delayed alike.
  { name: 'app_base_proxy', listen: '0.0.0.0:18001', upstream: 'app_base:8000', appSends: 'downstream' },
];

/** Where Locust sends requests and the app's database host when Toxiproxy runs. */
export const TOXIPROXY_ROUTES = { appUrl: 'http://toxiproxy:18000', baseAppUrl: 'http://toxiproxy:18001', dbHost: 'toxiproxy', dbPort: '15432' } as const;

export interface HttpRequest {
  method: 'GET' | 'POST' | 'DELETE';
  path: string;
  body?: unknown;
}

/** The API calls that make one cell's latency, as data. */
export function latencyRequests(proxies: ProxySpec[], latencyMs: number): HttpRequest[] {
  return [
    // Reset removes every toxic and re-enables proxies: each cell starts clean.
    { method: 'POST', path: '/reset' },
    ...(latencyMs > 0
      ? proxies.map((proxy): HttpRequest => ({
          method: 'POST',
          path: `/proxies/${proxy.name}/toxics`,
          body: { name: 'latency', type: 'latency', stream: proxy.appSends, toxicity: 1, attributes: { latency: latencyMs, jitter: 0 } },
        }))
      : []),
  ];
}

export class ToxiproxyError extends Error {
  override name = 'ToxiproxyError';
}

/** A small client of Toxiproxy's HTTP API (fetch; no extra dependency). */
export class ToxiproxyClient {
  constructor(readonly baseUrl: string) {}

  async send(request: HttpRequest): Promise<unknown> {
    const response = await fetch(new URL(request.path, this.baseUrl), {
      method: request.method,
      headers: request.body !== undefined ? { 'content-type': 'application/json' } : {},
      body: request.body !== undefined ? JSON.stringify(request.body) : undefined,
    }).catch((error: unknown) => {
      throw new ToxiproxyError(`Toxiproxy API at ${this.baseUrl} did not answer ${request.method} ${request.path}: ${errorMessage(error)}`);
    });
    const text = await response.text();
    if (!response.ok) throw new ToxiproxyError(`Toxiproxy ${request.method} ${request.path} answered ${response.status}: ${text.trim()}`);
    return text ? (JSON.parse(text) as unknown) : null;
  }

  async sendAll(requests: HttpRequest[]): Promise<void> {
    for (const request of requests) await this.send(request);
  }

  async version(): Promise<string> {
    const response = await fetch(new URL('/version', this.baseUrl));
    const text = (await response.text()).trim();
    if (!response.ok) throw new ToxiproxyError(`Toxiproxy GET /version answered ${response.status}: ${text}`);
    try {
      return (JSON.parse(text) as { version?: string }).version ?? text;
    } catch {
      return text;
    }
  }
}
