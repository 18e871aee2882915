/** Where progress goes: the Actions log (with groups) or a terminal. */
export interface Logger {
  info(message: string): void;
  warning(message: string): void;
  group<T>(name: string, work: () => Promise<T>): Promise<T>;
}

export function streamLogger(stream: { write(text: string): unknown }): Logger {
  return {
    info: (message) => stream.write(`${message}\n`),
    warning: (message) => stream.write(`warning: ${message}\n`),
    group: async (name, work) => {
      stream.write(`── ${name}\n`);
      return work();
    },
  };
}
