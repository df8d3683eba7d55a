import type { Problem } from './model';

/**
 * One line for a terminal, a log or an editor's problem matcher, for source and memo problems
 * alike: `FILE[:LINE:COL]: SEVERITY: MESSAGE [CODE]` (1-based positions, message on one line, no newline).
 */
export function formatProblemLine(file: string, problem: Problem): string {
  const where = problem.span ? `:${problem.span.line + 1}:${problem.span.character + 1}` : '';
  return `${problem.file ?? file}${where}: ${problem.severity}: ${problem.message.replace(/\s*\n\s*/g, ' ')} [${problem.code}]`;
}
