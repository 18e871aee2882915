/** Where a CLI command writes, and the folder relative paths start from (injectable for tests). */
export interface CliIo {
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
  cwd: string;
}
