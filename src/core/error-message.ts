/**
 * The message of a thrown value, whatever was thrown: an Error's message, anything else as text.
 * `catch (error)` gives `unknown`; this is the one place that narrows it for a message.
 */
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
