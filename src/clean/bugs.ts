// Bugs in best-effort parts of cleaning (metadata): the article is kept, the exception is reported,
// never swallowed. The core does no logging of its own; callers pass a reporter (the default warns on stderr).

/** Receives an exception that is not a GleanerError from a part that must not lose the article. */
export type BugReporter = (err: unknown, context: { stage: string; url: string | null }) => void;

/** The default BugReporter: a process warning (code GLEANER_BUG) with the stack, on stderr. */
export const reportBugToStderr: BugReporter = (err, context) => {
  const detail = err instanceof Error ? (err.stack ?? err.message) : String(err);
  process.emitWarning(
    `bug in ${context.stage}${context.url ? ` (${context.url})` : ''}: ${err instanceof Error ? err.message : String(err)}`,
    { code: 'GLEANER_BUG', detail },
  );
};
