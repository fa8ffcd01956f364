// What a report is made of. The report layer never imports the registry: the CLI hands it
// the claims' metadata, the run's results and the figures it built.
import type { Figure, Tier, Verdict } from '../core/claim.js';
import type { ClaimResult, FalsifierResult } from '../core/runner.js';

export interface ClaimMeta {
  id: string;
  paper: string;
  title: string;
  statement: string;
  where?: string;
  kind?: string;
  expected: Verdict;
  counterpart?: string;
  erratum?: string;
  falsifiers: { name: string; description: string }[];
}

export interface BuiltFigure {
  figure: Figure;
  seconds: number;
}

export interface ReportSection {
  title: string;
  markdown: string;
  paper?: string;
}

export interface ReportInput {
  seed: number;
  tier: Tier;
  results: ClaimResult[];
  falsifiers?: FalsifierResult[];
  claims: ClaimMeta[];
  figures: BuiltFigure[];
  figureErrors: { id: string; message: string }[];
  sections?: ReportSection[];
}
