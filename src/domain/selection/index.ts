// Select within budget: what the rest of Octroi uses. The solver is injected (the domain does no
// I/O): pass `await loadSelectionSolver()` from src/platform/solver/selectionSolver.ts.
export { select, type SelectDeps } from './select.ts';
export { flagUnspent } from './flagUnspent.ts';
export { checkPortfolio, type RuleCheck } from './portfolioCheck.ts';
export { parseSelectionInput, InvalidSelectionInputError } from './inputSchema.ts';
export type { CoverProblem, CoverSolver, CoverSolution, CoverRelaxation } from './cover.ts';
export type * from './types.ts';
