/** Where a CLI command writes, and the folder relative paths start from (injectable for tests). */
export interface CliIo {
  stdout: { write(text: string): unknown };
  /** isTTY: a terminal gets the live view rewritten in place, anything else plain lines. */
  stderr: { write(text: string): unknown; isTTY?: boolean };
  cwd: string;
}
