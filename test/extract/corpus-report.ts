// Prints extractClaims' figures on the real-passage corpus: `npm run corpus`.
// The same lines are printed by test/extract/corpus.test.ts after its checks.
import { corpusReport } from './corpus-score.js';

console.log(corpusReport());
