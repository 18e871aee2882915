import { publishComment, type CommentDeps, type CommentOutcome, type CommentRequest } from './comment.js';
import { writeJobSummary, type SummaryOutcome } from './summary.js';

export interface PublishOutcome {
  summary: SummaryOutcome;
  comment: CommentOutcome;
}

/**
 * The report's two readers, in order: the job summary first, so it exists whatever happens to
 * the comment (a fork PR's read-only token, an API outage that throws).
 */
export async function publishReport(request: CommentRequest, deps: CommentDeps): Promise<PublishOutcome> {
  const summary = await writeJobSummary(request.body);
  const comment = await publishComment(request, deps);
  return { summary, comment };
}
