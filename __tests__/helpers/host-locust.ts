import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';

/**
 * The host's Python with the pinned Locust (scripts/install-host-locust.sh puts it in
 * .cache/locust-venv; else `python3` must import it), and whether it is there: `npm test`
 * on a fresh machine has none, so the tests that need it say how to get it and skip
 * instead of failing (.ci/run installs it).
 */
export function hostLocust(testFile: string): { python: string; hasLocust: boolean } {
  const venv = fileURLToPath(new URL('../../.cache/locust-venv/bin/python', import.meta.url));
  const python = existsSync(venv) ? venv : 'python3';
  const hasLocust = spawnSync(python, ['-m', 'locust', '--version'], { stdio: 'ignore' }).status === 0;
  if (!hasLocust) console.warn(`${testFile}: skipped, no Locust on this host; run \`bash scripts/install-host-locust.sh\`.`);
  return { python, hasLocust };
}

export interface SeenRequest {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
}

/**
 * A local HTTP server that records every request and answers 404 under /missing, 201 to a
 * POST and 200 otherwise, with `body` (by status); `/drop/` closes the connection unanswered.
 */
export async function recordingServer(body: (status: number) => string): Promise<{ host: string; seen: SeenRequest[]; close: () => Promise<void> }> {
  const seen: SeenRequest[] = [];
  const server: Server = createServer((request, response) => {
    if (request.url === '/drop/') return request.socket.destroy();
    const entry: SeenRequest = { method: request.method!, url: request.url!, headers: request.headers, body: '' };
    seen.push(entry);
    request.on('data', (chunk: Buffer) => (entry.body += chunk.toString()));
    request.on('end', () => {
      response.statusCode = request.url!.startsWith('/missing') ? 404 : request.method === 'POST' ? 201 : 200;
      response.end(body(response.statusCode));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    host: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    seen,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
