export class ResultsError extends Error {
  override name = 'ResultsError';
}
