import type { z } from 'zod';

/** One line per problem: `path: message`, e.g. `settings.margin: expected number, got "0.4"`. */
export function formatZodIssues(issues: readonly z.core.$ZodIssue[], prefix = ''): string {
  return issues
    .map((issue) => {
      const p = issue.path.map(String).join('.');
      const where = [prefix, p].filter(Boolean).join('.') || '(top level)';
      return `  ${where}: ${issue.message}`;
    })
    .join('\n');
}
