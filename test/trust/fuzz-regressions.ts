// Inputs that once broke a parser (found by fuzzing or by hand), kept so they stay fixed.
export const REGRESSIONS: { name: string; target: 'csv' | 'claims' | 'percent'; input: string }[] = [
  { name: 'deeply nested JSON array', target: 'claims', input: '['.repeat(200_000) },
  { name: 'YAML alias bomb', target: 'claims', input: 'a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]\ne: [*d, *d, *d, *d, *d, *d, *d, *d, *d]\n' },
  { name: 'unclosed quote at end of file', target: 'csv', input: 'type,year,outcome\n"spastic,2005,improved' },
  { name: 'header only, no newline', target: 'csv', input: 'type,year,outcome' },
  { name: 'a lone BOM', target: 'csv', input: '\uFEFF' },
  { name: 'a very long percent string', target: 'percent', input: '9'.repeat(100_000) },
];
