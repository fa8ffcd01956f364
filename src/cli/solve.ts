// `biascheck solve CASE.json`: run a claim's flow and predictions on the user's own data (issue 6).
export async function solveMain(_argv: string[]): Promise<number> {
  process.stderr.write('biascheck solve: not implemented yet\n');
  return 2;
}
