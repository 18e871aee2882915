/** Bad configuration: the message names the input, the value, and what is allowed. */
export class ConfigError extends Error {
  override name = 'ConfigError';
  constructor(
    readonly input: string,
    detail: string,
  ) {
    super(`Invalid ${input}: ${detail}`);
  }
}
