/** Where async-bench's own files (compose/, locust/) are, bundled or from source. */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** async-bench's root (compose/, locust/): dist/ when bundled, src/stack/ under the tests. */
export function packageRoot(moduleUrl: string = import.meta.url): string {
  const here = dirname(fileURLToPath(moduleUrl));
  return here.endsWith(join('src', 'stack')) ? join(here, '..', '..') : join(here, '..');
}
