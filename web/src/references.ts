// The package's population distributions (data/reference/), compiled into the page: the case mix of
// a pasted page is compared with them as the CLI does, with no file to fetch.
import { parseReferenceDistribution } from '../../src/audit/compare-to-reference.js';
import type { ReferenceDistribution } from '../../src/schema/reference.js';
import chinaSixProvinces from '../../data/reference/cp-types-china-six-provinces.json' with { type: 'json' };
import scpe from '../../data/reference/cp-types-scpe.json' with { type: 'json' };

/** The bundled references by id. */
export const REFERENCES: Readonly<Record<string, ReferenceDistribution>> = Object.fromEntries(
  [chinaSixProvinces, scpe].map((json) => {
    const reference = parseReferenceDistribution(json);
    return [reference.id, reference];
  }),
);
