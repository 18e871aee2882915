import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A small in-memory GitHub REST (+ one GraphQL query) server on 127.0.0.1 for the publish
 * tests. It implements only the endpoints src/publish uses, with GitHub's shapes, status codes
 * and Link-header pagination, and records every request so tests can assert what was (not)
 * written. Point Octokit at `server.url` as its baseUrl.
 */

export interface TokenSpec {
  login: string;
  /** `user` (a PAT: GET /user works) or `app` (GITHUB_TOKEN / app token: GET /user is 403). */
  kind: 'user' | 'app';
  /** `read`: writes get 403 (a fork PR's GITHUB_TOKEN); `none`: the repository is a 404. */
  permission: 'write' | 'read' | 'none';
}

export interface FakeComment {
  id: number;
  issue: number;
  body: string;
  user: { login: string; type: 'User' | 'Bot' };
  html_url: string;
  created_at: string;
  updated_at: string;
}

export interface FakeRun {
  id: number;
  /** File name; the numeric workflow id is derived from it (see workflowId). */
  workflow: string;
  head_branch: string;
  head_sha: string;
  event: string;
  status: 'completed' | 'in_progress';
  conclusion: 'success' | 'failure' | null;
  head_repository: { full_name: string };
  html_url: string;
  created_at: string;
}

export interface FakeArtifact {
  id: number;
  runId: number;
  name: string;
  expired: boolean;
  size_in_bytes: number;
  created_at: string;
}

export interface RecordedRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  token: string | null;
  /** 0 when no answer was sent (reset, silence). */
  status: number;
  /** Date.now() when it arrived: tests measure the waits between retries. */
  at: number;
}

/** How a request goes wrong, as GitHub (or what stands between it and the runner) does it. */
export type FaultAnswer =
  /** GitHub's JSON error; `headers` for rate limits (`retry-after`, `x-ratelimit-*`). */
  | { status: number; message: string; headers?: Record<string, string> }
  /** A proxy's or load balancer's HTML page instead of JSON (GitHub's "Unicorn!" 502). */
  | { status: number; html: string }
  /** The connection is torn down without an answer (ECONNRESET on the client). */
  | { reset: true; when?: FaultTiming }
  /** Nothing comes back; the client must give up on its own. */
  | { silence: true; when?: FaultTiming }
  /** The work is done at once and the answer sent `delayMs` later (after the client's timeout, it is lost). */
  | { delayMs: number };

/**
 * `before`: the request is dropped unhandled. `after`: GitHub did the work (the comment
 * exists) and only the answer is lost, which is what makes a blind retry of a POST dangerous.
 */
export type FaultTiming = 'before' | 'after';

export type Fault = { method: string; path: RegExp; /** Consecutive requests it hits (1). */ times?: number } & FaultAnswer;

export interface GitHubServer {
  url: string;
  owner: string;
  repo: string;
  requests: RecordedRequest[];
  comments: FakeComment[];
  addToken(token: string, spec: TokenSpec): void;
  addPullRequest(number: number, headSha?: string): void;
  addComment(issue: number, login: string, body: string): FakeComment;
  addRun(run: Partial<FakeRun> & { workflow: string; head_branch: string }): FakeRun;
  addArtifact(artifact: Partial<FakeArtifact> & { runId: number; name: string }): FakeArtifact;
  /** The next matching request(s) fail this way (once, or `times` in a row). */
  failNext(fault: Fault): void;
  /** Runs `change` just before the next matching request is handled (someone deletes a comment meanwhile). */
  beforeNext(method: string, path: RegExp, change: () => void): void;
  /** Requests that created, changed or deleted a comment. */
  writes(): RecordedRequest[];
  close(): Promise<void>;
}

const HTML = 'https://github.test';

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export async function startGitHubServer(options: { owner?: string; repo?: string } = {}): Promise<GitHubServer> {
  const owner = options.owner ?? 'octo';
  const repo = options.repo ?? 'bench';
  const tokens = new Map<string, TokenSpec>();
  const pulls = new Map<number, string>();
  const comments: FakeComment[] = [];
  const runs: FakeRun[] = [];
  const artifacts: FakeArtifact[] = [];
  const requests: RecordedRequest[] = [];
  const faults: Fault[] = [];
  const interludes: { method: string; path: RegExp; change: () => void }[] = [];
  const pending = new Set<NodeJS.Timeout>();
  let nextId = 1000;
  let clock = Date.parse('2025-01-01T00:00:00Z');
  const now = (): string => new Date((clock += 1000)).toISOString();
  let url = '';

  // GitHub sends the quota on every answer; the throttling plugin reads it on a 403/429.
  let used = 0;
  function rateLimitHeaders(): Record<string, string> {
    used += 1;
    return {
      'x-ratelimit-limit': '5000',
      'x-ratelimit-remaining': String(5000 - used),
      'x-ratelimit-used': String(used),
      'x-ratelimit-reset': String(Math.ceil(Date.now() / 1000) + 3600),
      'x-ratelimit-resource': 'core',
    };
  }

  function takeFault(method: string, path: string): FaultAnswer | null {
    const index = faults.findIndex((f) => f.method === method && f.path.test(path));
    if (index < 0) return null;
    const fault = faults[index]!;
    const left = (fault.times ?? 1) - 1;
    if (left > 0) faults[index] = { ...fault, times: left };
    else faults.splice(index, 1);
    return fault;
  }

  function authorize(request: IncomingMessage): { token: string | null; spec: TokenSpec | null } {
    const header = request.headers.authorization ?? '';
    const token = /^(?:token|bearer)\s+(.+)$/i.exec(header)?.[1] ?? null;
    if (token === null) return { token, spec: null };
    const spec = tokens.get(token);
    if (!spec) throw new HttpError(401, 'Bad credentials');
    return { token, spec };
  }

  function repoAccess(spec: TokenSpec | null, method: string, o: string, r: string): void {
    if (o !== owner || r !== repo || spec?.permission === 'none') throw new HttpError(404, 'Not Found');
    if (method === 'GET') return;
    if (!spec) throw new HttpError(401, 'Requires authentication');
    if (spec.permission !== 'write') throw new HttpError(403, 'Resource not accessible by integration');
  }

  function paginate<T>(items: T[], requestUrl: URL, response: ServerResponse): T[] {
    const perPage = Math.min(Number(requestUrl.searchParams.get('per_page') ?? 30) || 30, 100);
    const page = Math.max(Number(requestUrl.searchParams.get('page') ?? 1) || 1, 1);
    const last = Math.max(Math.ceil(items.length / perPage), 1);
    const link = (n: number, rel: string): string => {
      const target = new URL(requestUrl.pathname, url);
      requestUrl.searchParams.forEach((value, key) => target.searchParams.set(key, value));
      target.searchParams.set('per_page', String(perPage));
      target.searchParams.set('page', String(n));
      return `<${target.href}>; rel="${rel}"`;
    };
    const links: string[] = [];
    if (page > 1) links.push(link(page - 1, 'prev'), link(1, 'first'));
    if (page < last) links.push(link(page + 1, 'next'), link(last, 'last'));
    if (links.length > 0) response.setHeader('link', links.join(', '));
    return items.slice((page - 1) * perPage, page * perPage);
  }

  function commentJson(comment: FakeComment) {
    const { issue: _issue, ...rest } = comment;
    return rest;
  }

  async function route(request: IncomingMessage, response: ServerResponse, requestUrl: URL): Promise<[number, unknown]> {
    const method = request.method ?? 'GET';
    const path = requestUrl.pathname;
    const { spec } = authorize(request);
    let m: RegExpExecArray | null;

    if (method === 'GET' && path === '/user') {
      if (!spec) throw new HttpError(401, 'Requires authentication');
      if (spec.kind === 'app') throw new HttpError(403, 'Resource not accessible by integration');
      return [200, { login: spec.login, type: 'User' }];
    }
    if (method === 'POST' && path === '/graphql') {
      if (!spec) throw new HttpError(401, 'This endpoint requires you to be authenticated.');
      const { query } = JSON.parse(await readBody(request)) as { query?: string };
      if (query?.includes('viewer')) return [200, { data: { viewer: { login: spec.login } } }];
      return [200, { errors: [{ message: 'This test server only answers viewer { login }.' }] }];
    }
    if ((m = /^\/repos\/([^/]+)\/([^/]+)\/issues\/(\d+)\/comments$/.exec(path))) {
      repoAccess(spec, method, m[1]!, m[2]!);
      const issue = Number(m[3]);
      if (!pulls.has(issue)) throw new HttpError(404, 'Not Found');
      if (method === 'GET') {
        return [
          200,
          paginate(
            comments.filter((c) => c.issue === issue),
            requestUrl,
            response,
          ).map(commentJson),
        ];
      }
      if (method === 'POST') {
        const { body } = JSON.parse(await readBody(request)) as { body?: string };
        if (typeof body !== 'string' || body === '') throw new HttpError(422, 'Validation Failed');
        const comment = insertComment(issue, spec!.login, body, spec!.kind);
        return [201, commentJson(comment)];
      }
    }
    if ((m = /^\/repos\/([^/]+)\/([^/]+)\/issues\/comments\/(\d+)$/.exec(path)) && method === 'PATCH') {
      repoAccess(spec, method, m[1]!, m[2]!);
      const comment = comments.find((c) => c.id === Number(m![3]));
      if (!comment) throw new HttpError(404, 'Not Found');
      const { body } = JSON.parse(await readBody(request)) as { body?: string };
      if (typeof body !== 'string' || body === '') throw new HttpError(422, 'Validation Failed');
      comment.body = body;
      comment.updated_at = now();
      return [200, commentJson(comment)];
    }
    if ((m = /^\/repos\/([^/]+)\/([^/]+)\/issues\/comments\/(\d+)$/.exec(path)) && method === 'DELETE') {
      repoAccess(spec, method, m[1]!, m[2]!);
      const index = comments.findIndex((c) => c.id === Number(m![3]));
      if (index < 0) throw new HttpError(404, 'Not Found');
      comments.splice(index, 1);
      return [204, null];
    }
    if ((m = /^\/repos\/([^/]+)\/([^/]+)\/pulls\/(\d+)$/.exec(path)) && method === 'GET') {
      repoAccess(spec, method, m[1]!, m[2]!);
      const sha = pulls.get(Number(m[3]));
      if (sha === undefined) throw new HttpError(404, 'Not Found');
      return [200, { number: Number(m[3]), head: { sha }, html_url: `${HTML}/${owner}/${repo}/pull/${m[3]}` }];
    }
    if ((m = /^\/repos\/([^/]+)\/([^/]+)\/actions\/runs\/(\d+)$/.exec(path)) && method === 'GET') {
      repoAccess(spec, method, m[1]!, m[2]!);
      const run = runs.find((r) => r.id === Number(m![3]));
      if (!run) throw new HttpError(404, 'Not Found');
      return [200, { ...run, workflow_id: workflowId(run.workflow) }];
    }
    if ((m = /^\/repos\/([^/]+)\/([^/]+)\/actions\/workflows\/([^/]+)\/runs$/.exec(path)) && method === 'GET') {
      repoAccess(spec, method, m[1]!, m[2]!);
      const workflow = decodeURIComponent(m[3]!);
      const sameWorkflow = (run: FakeRun): boolean => run.workflow === workflow || String(workflowId(run.workflow)) === workflow;
      if (!runs.some(sameWorkflow)) throw new HttpError(404, 'Not Found');
      const q = requestUrl.searchParams;
      const matching = runs
        .filter(sameWorkflow)
        .filter((run) => !q.get('branch') || run.head_branch === q.get('branch'))
        .filter((run) => !q.get('event') || run.event === q.get('event'))
        .filter((run) => !q.get('status') || run.status === q.get('status') || run.conclusion === q.get('status'))
        .sort((a, b) => b.created_at.localeCompare(a.created_at));
      return [200, { total_count: matching.length, workflow_runs: paginate(matching, requestUrl, response) }];
    }
    if ((m = /^\/repos\/([^/]+)\/([^/]+)\/actions\/runs\/(\d+)\/artifacts$/.exec(path)) && method === 'GET') {
      repoAccess(spec, method, m[1]!, m[2]!);
      const runId = Number(m[3]);
      if (!runs.some((run) => run.id === runId)) throw new HttpError(404, 'Not Found');
      const name = requestUrl.searchParams.get('name');
      const matching = artifacts
        .filter((a) => a.runId === runId && (!name || a.name === name))
        .map(({ runId: id, ...rest }) => ({ ...rest, workflow_run: { id } }));
      return [200, { total_count: matching.length, artifacts: paginate(matching, requestUrl, response) }];
    }
    throw new HttpError(404, 'Not Found');
  }

  function insertComment(issue: number, login: string, body: string, kind: TokenSpec['kind'] = 'user'): FakeComment {
    const id = ++nextId;
    const at = now();
    const comment: FakeComment = {
      id,
      issue,
      body,
      user: { login, type: kind === 'app' || login.endsWith('[bot]') ? 'Bot' : 'User' },
      html_url: `${HTML}/${owner}/${repo}/pull/${issue}#issuecomment-${id}`,
      created_at: at,
      updated_at: at,
    };
    comments.push(comment);
    return comment;
  }

  const server = createServer((request, response) => {
    const requestUrl = new URL(request.url ?? '/', url);
    const method = request.method ?? 'GET';
    const token = /^(?:token|bearer)\s+(.+)$/i.exec(request.headers.authorization ?? '')?.[1] ?? null;
    const record: RecordedRequest = {
      method,
      path: requestUrl.pathname,
      query: Object.fromEntries(requestUrl.searchParams),
      token,
      status: 0,
      at: Date.now(),
    };
    requests.push(record);
    const send = (status: number, payload: unknown, headers: Record<string, string> = {}): void => {
      record.status = status;
      if (status === 204) {
        response.writeHead(status, { ...rateLimitHeaders(), ...headers });
        response.end();
        return;
      }
      response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...rateLimitHeaders(), ...headers });
      response.end(JSON.stringify(payload));
    };
    const interlude = interludes.findIndex((i) => i.method === method && i.path.test(requestUrl.pathname));
    if (interlude >= 0) interludes.splice(interlude, 1)[0]!.change();
    const fault = takeFault(method, requestUrl.pathname);
    if (fault && 'status' in fault) {
      request.resume();
      if ('html' in fault) {
        record.status = fault.status;
        response.writeHead(fault.status, { 'content-type': 'text/html; charset=utf-8' });
        response.end(fault.html);
      } else {
        send(fault.status, { message: fault.message, documentation_url: 'https://docs.github.com/rest' }, fault.headers);
      }
      return;
    }
    const drop = (): void => {
      if (fault && 'reset' in fault) request.socket.destroy();
      // silence: keep the socket open and never answer; close() tears it down.
    };
    if (fault && !('delayMs' in fault) && (fault.when ?? 'before') === 'before') {
      request.resume();
      drop();
      return;
    }
    const late = fault && 'delayMs' in fault ? fault.delayMs : 0;
    const answer = (status: number, payload: unknown, headers?: Record<string, string>): void => {
      if (late === 0) return send(status, payload, headers);
      const timer = setTimeout(() => {
        pending.delete(timer);
        if (!response.destroyed) send(status, payload, headers);
      }, late);
      pending.add(timer);
    };
    route(request, response, requestUrl).then(
      ([status, payload]) => (fault && !late ? drop() : answer(status, payload)),
      (error: unknown) => {
        request.resume();
        if (fault && !late) drop();
        else if (error instanceof HttpError) answer(error.status, { message: error.message, documentation_url: 'https://docs.github.com/rest' });
        else answer(500, { message: String(error) });
      },
    );
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url,
    owner,
    repo,
    requests,
    comments,
    addToken: (token, spec) => void tokens.set(token, spec),
    addPullRequest: (number, headSha = `sha-of-pr-${number}`) => void pulls.set(number, headSha),
    addComment: (issue, login, body) => insertComment(issue, login, body),
    addRun(partial) {
      const id = partial.id ?? ++nextId;
      const run: FakeRun = {
        id,
        head_sha: `sha-${id}`,
        event: 'push',
        status: 'completed',
        conclusion: 'success',
        head_repository: { full_name: `${owner}/${repo}` },
        html_url: `${HTML}/${owner}/${repo}/actions/runs/${id}`,
        created_at: now(),
        ...partial,
      };
      runs.push(run);
      return run;
    },
    addArtifact(partial) {
      const artifact: FakeArtifact = {
        id: ++nextId,
        expired: false,
        size_in_bytes: 1234,
        created_at: now(),
        ...partial,
      };
      artifacts.push(artifact);
      return artifact;
    },
    failNext: (fault) => void faults.push(fault),
    beforeNext: (method, path, change) => void interludes.push({ method, path, change }),
    writes: () => requests.filter((r) => ['POST', 'PATCH', 'DELETE'].includes(r.method) && /\/issues\/.*comments/.test(r.path)),
    close: () =>
      new Promise<void>((resolve, reject) => {
        for (const timer of pending) clearTimeout(timer);
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

/** The faults GitHub's API really shows, ready to inject with failNext. */
export const FAULTS = {
  serverError: (): FaultAnswer => ({ status: 500, message: 'Server Error' }),
  /** What a load balancer sends when GitHub's backend is down: an HTML page, not JSON. */
  badGatewayHtml: (): FaultAnswer => ({
    status: 502,
    html: '<!DOCTYPE html>\n<html><head><title>Unicorn! &middot; GitHub</title></head><body><p>No server is currently available to service your request.</p></body></html>\n',
  }),
  /** GitHub's secondary rate limit: 403 or 429, its message, and how long to wait. */
  secondaryRateLimit: (status: 403 | 429, retryAfterS: number): FaultAnswer => ({
    status,
    message: 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.',
    headers: { 'retry-after': String(retryAfterS) },
  }),
  /** A bare 429 (a proxy's or GitHub's "Too Many Requests"), neither of the two rate-limit signals above. */
  tooManyRequests: (retryAfterS: number): FaultAnswer => ({ status: 429, message: 'Too Many Requests', headers: { 'retry-after': String(retryAfterS) } }),
  /** The hourly quota used up: remaining 0 and when it resets. */
  primaryRateLimit: (resetInS: number): FaultAnswer => ({
    status: 403,
    message: 'API rate limit exceeded for installation ID 1.',
    headers: {
      'x-ratelimit-limit': '1000',
      'x-ratelimit-remaining': '0',
      'x-ratelimit-used': '1000',
      'x-ratelimit-reset': String(Math.ceil(Date.now() / 1000) + resetInS),
      'x-ratelimit-resource': 'core',
    },
  }),
  /** `after`: the request landed (the comment exists) and the socket is destroyed without an answer. */
  reset: (when: FaultTiming = 'before'): FaultAnswer => ({ reset: true, when }),
  /** Done at once, answered `ms` later: beyond the client's timeout, a write that landed and looks failed. */
  late: (ms: number): FaultAnswer => ({ delayMs: ms }),
  silence: (when: FaultTiming = 'before'): FaultAnswer => ({ silence: true, when }),
};

/** A stable numeric id per workflow file, as GitHub gives each workflow one. */
export function workflowId(file: string): number {
  let hash = 7;
  for (const char of file) hash = (hash * 31 + char.charCodeAt(0)) % 1_000_000;
  return 100_000 + hash;
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}
