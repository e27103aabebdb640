import { defineCohort, type CohortDefinition } from './define-cohort.js';

/** The cerebral palsy motor types used by the clinic's page, in its order of listing. */
export const CEREBRAL_PALSY_TYPES = /* @__PURE__ */ Object.freeze(['spastic', 'mixed', 'athetoid', 'ataxic', 'hypotonic', 'other'] as const);

/** A cerebral palsy motor type. */
export type CerebralPalsyType = (typeof CEREBRAL_PALSY_TYPES)[number];

/**
 * The cerebral palsy vocabulary with explicit synonyms. 'Dyskinetic' (SCPE) and its subtypes map
 * to 'athetoid'; spastic topographies map to 'spastic'. Case is ignored anyway, so 'Spastic' needs no alias.
 */
export const CEREBRAL_PALSY: CohortDefinition<CerebralPalsyType> = /* @__PURE__ */ Object.freeze({
  types: CEREBRAL_PALSY_TYPES,
  aliases: Object.freeze({
    dyskinetic: 'athetoid',
    dystonic: 'athetoid',
    choreoathetoid: 'athetoid',
    choreoathetotic: 'athetoid',
    'spastic diplegia': 'spastic',
    'spastic quadriplegia': 'spastic',
    'spastic hemiplegia': 'spastic',
    'bilateral spastic': 'spastic',
    'unilateral spastic': 'spastic',
    ataxia: 'ataxic',
    hypotonia: 'hypotonic',
    atonic: 'hypotonic',
    'mixed type': 'mixed',
    others: 'other',
    'other types': 'other',
    unclassified: 'other',
  } satisfies Record<string, CerebralPalsyType>),
});

/**
 * A ready-made cohort for cerebral palsy records (any year).
 *
 * @example
 * cerebralPalsyCohort.normalizeType('Dyskinetic'); // 'athetoid'
 */
export const cerebralPalsyCohort = /* @__PURE__ */ defineCohort(CEREBRAL_PALSY);
