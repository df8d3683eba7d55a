import type { Problem } from './model';

/** One line for a terminal or a log: `claimdesk: FILE[:LINE:COL]: SEVERITY: MESSAGE` (1-based positions, no newline). */
export function formatProblemLine(file: string, problem: Problem): string {
  const where = problem.span ? `:${problem.span.line + 1}:${problem.span.character + 1}` : '';
  return `claimdesk: ${problem.file ?? file}${where}: ${problem.severity}: ${problem.message}`;
}
