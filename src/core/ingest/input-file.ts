import { constants, type Stats } from 'node:fs';
import { open, stat, type FileHandle } from 'node:fs/promises';
import { IngestError } from './csv.js';

/** What a file-system error means to the person who has to fix the input. */
const PROBLEMS: Record<string, string> = {
  ENOENT: 'does not exist',
  EISDIR: 'is a directory',
  ELOOP: 'is a symbolic link that loops (too many levels of links)',
  EACCES: 'is not readable by this user (permission denied)',
  EPERM: 'may not be read (operation not permitted)',
  ENOTDIR: 'has a parent that is not a directory',
  ENAMETOOLONG: 'has a path that is too long',
  EIO: 'could not be read (input/output error)',
};

/**
 * `<label>: <problem> (<CODE>); expected <expected>.` The label is the path as the
 * user knows it (e.g. `cells/sync__cpu__0ms/locust_stats.csv`), never a temp path.
 */
export function describeFileError(label: string, error: Pick<NodeJS.ErrnoException, 'code' | 'message'>, expected: string): string {
  const code = error.code ?? 'unknown error';
  const problem = PROBLEMS[code] ?? `could not be read: ${error.message}`;
  return `${label}: ${problem} (${code}); expected ${expected}.`;
}

const isErrno = (error: unknown): error is NodeJS.ErrnoException =>
  error instanceof Error && typeof (error as NodeJS.ErrnoException).code === 'string' && 'syscall' in error;

/** Converts a file-system error into the cell's failure reason; anything else passes through. */
export function asIngestError(error: unknown, label: string, expected: string): unknown {
  return isErrno(error) ? new IngestError(describeFileError(label, error, expected)) : error;
}

/** The reason for a required input that is not there. */
export function missingInput(label: string, expected: string): IngestError {
  return new IngestError(describeFileError(label, { code: 'ENOENT', message: 'no such file' }, expected));
}

function specialKind(info: Stats): string {
  if (info.isFIFO()) return 'a FIFO (named pipe)';
  if (info.isSocket()) return 'a socket';
  if (info.isCharacterDevice()) return 'a character device';
  if (info.isBlockDevice()) return 'a block device';
  return 'a special file';
}

function refuse(info: Stats, label: string, expected: string): IngestError {
  if (info.isDirectory()) {
    // What read() would say; said before anything is opened.
    return new IngestError(describeFileError(label, { code: 'EISDIR', message: 'is a directory' }, expected));
  }
  return new IngestError(`${label}: is ${specialKind(info)}, not a regular file, so it was not read; expected ${expected}.`);
}

// Non-blocking so that a FIFO swapped in after the stat cannot hang the open; no effect on regular files.
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);

/**
 * Opens an input for reading, or null when it does not exist (the caller decides
 * whether that is fatal). Anything but a regular file is refused before it is
 * opened: reading a FIFO would wait forever for a writer, a device never ends.
 * The handle is checked again after opening, in case the path changed in between.
 */
export async function openInput(path: string, label: string, expected: string): Promise<FileHandle | null> {
  let handle: FileHandle;
  try {
    const before = await stat(path);
    if (!before.isFile()) throw refuse(before, label, expected);
    handle = await open(path, OPEN_FLAGS);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw asIngestError(error, label, expected);
  }
  try {
    const opened = await handle.stat();
    if (!opened.isFile()) throw refuse(opened, label, expected);
    return handle;
  } catch (error) {
    await handle.close();
    throw asIngestError(error, label, expected);
  }
}

/**
 * A whole small input (a results.json, async-bench.yml) as text, or null when it does not
 * exist. Like openInput, a directory, FIFO, socket or device is refused before it is opened.
 */
export async function readInputText(path: string, label: string, expected: string): Promise<string | null> {
  const handle = await openInput(path, label, expected);
  if (handle === null) return null;
  try {
    return await handle.readFile('utf8');
  } catch (error) {
    throw asIngestError(error, label, expected);
  } finally {
    await handle.close();
  }
}
