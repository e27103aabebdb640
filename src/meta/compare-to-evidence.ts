import { describeValue, InvalidArgumentError } from '../errors.js';
import { assertPart } from '../exact/validate.js';
import { formatDecimal } from '../format/format-decimal.js';
import { metaProportion, type MetaProportion, type ProportionStudy } from './meta-proportion.js';
import type { MetaProportionOptions } from './options.js';

/**
 * A claimed rate: a proportion in [0, 1], a count { events, n }, or a printed percent such as "96%"
 * or "95.9" (read with its rounding: "96%" stands for anything from 95.5% up to 96.5%).
 */
export type ClaimedRate = number | string | { events: number; n: number };

/** Options of compareToEvidence: those of metaProportion, and the decimals of the percents in the message. */
export interface CompareToEvidenceOptions extends MetaProportionOptions {
  /** Decimals of the percents in `message` (default 1). */
  decimals?: number;
}

/** A claimed rate placed against the pooled published evidence. */
export interface EvidenceComparison {
  /** The claim as a proportion. */
  claim: number;
  /** The values the claim could stand for: a printed "96%" covers [0.955, 0.965]; a number or a count only itself. */
  claimRange: { lower: number; upper: number };
  /** Where the whole claim range lies relative to the prediction interval ('within' when any part is inside). */
  position: 'below' | 'within' | 'above';
  insidePrediction: boolean;
  /** Whether the claim range reaches into the confidence interval of the pooled rate. */
  insideConfidence: boolean;
  /** The meta-analysis of the studies. */
  pooled: MetaProportion;
  /** One sentence with the numbers, for a report or an audit finding. */
  message: string;
}

function readClaim(claim: unknown): { value: number; lower: number; upper: number; text: string } {
  if (typeof claim === 'number') {
    if (!(claim >= 0 && claim <= 1)) throw new InvalidArgumentError('claim', claim, `a numeric claim is a proportion from 0 to 1 (0.96 for 96%), got ${describeValue(claim)}; pass a printed percent as a string ("96%")`);
    return { value: claim, lower: claim, upper: claim, text: `${formatDecimal(claim, { decimals: 2, scale: 100 }).replace(/\.?0+$/, '')}%` };
  }
  if (typeof claim === 'string') {
    const m = /^\s*(\d{1,3})(?:\.(\d{1,12}))?\s*%?\s*$/.exec(claim);
    const value = m ? Number(claim.replace('%', '')) / 100 : NaN;
    if (!m || !(value >= 0 && value <= 1)) throw new InvalidArgumentError('claim', claim, `a claim given as text is a printed percent from 0 to 100 such as "96%" or "95.9", got ${describeValue(claim)}`);
    const half = 0.5 * 10 ** -(m[2]?.length ?? 0) / 100;
    return { value, lower: Math.max(0, value - half), upper: Math.min(1, value + half), text: `${claim.trim().replace(/\s*%$/, '')}%` };
  }
  if (claim !== null && typeof claim === 'object') {
    const { events, n } = claim as Record<string, unknown>;
    assertPart(events, n, 'claim.events', 'claim.n');
    const value = events / (n as number);
    return { value, lower: value, upper: value, text: `${events} of ${n as number} (${formatDecimal(value, { decimals: 1, scale: 100 })}%)` };
  }
  throw new InvalidArgumentError('claim', claim, `claim must be a proportion, a printed percent or { events, n }, got ${describeValue(claim)}`);
}

/**
 * Places a claimed rate against the published studies of the same treatment: pools them with
 * `metaProportion` and asks whether the claim lies inside the prediction interval (where a new
 * study's rate is expected to fall), not merely whether it differs from the pooled mean.
 *
 * @example
 * const studies = [{ events: 52, n: 61 }, { events: 70, n: 95 }, { events: 33, n: 40 }, { events: 88, n: 120 }];
 * const c = compareToEvidence('96%', studies);
 * c.position; // 'above'
 */
export function compareToEvidence(claim: ClaimedRate, studies: readonly ProportionStudy[], options: CompareToEvidenceOptions = {}): EvidenceComparison {
  const { decimals = 1, ...metaOptions } = options;
  const c = readClaim(claim);
  const pooled = metaProportion(studies, metaOptions);
  const { predictionLower, predictionUpper, lower, upper } = pooled;
  const undetermined = Number.isNaN(predictionLower) || Number.isNaN(predictionUpper);
  const position = undetermined ? 'within' : c.upper < predictionLower ? 'below' : c.lower > predictionUpper ? 'above' : 'within';
  const pct = (x: number) => `${formatDecimal(x, { decimals, scale: 100 })}%`;
  const level = `${formatDecimal(pooled.level, { decimals: 3, scale: 100 }).replace(/\.?0+$/, '')}%`;
  const numbers =
    `${level} prediction interval ${undetermined ? 'not available' : `${pct(predictionLower)}–${pct(predictionUpper)}`} of ${pooled.k} ${pooled.k === 1 ? 'study' : 'studies'}` +
    ` (pooled ${pct(pooled.estimate)}, ${level} CI ${pct(lower)}–${pct(upper)}; τ² = ${pooled.tau2.toPrecision(3)} on the ${pooled.transform} scale, I² = ${formatDecimal(pooled.I2, { decimals: 1 })}%, ${pooled.method})`;
  const message =
    position === 'within'
      ? `The claimed ${c.text} is within the ${numbers}.`
      : `The claimed ${c.text} lies ${position} the ${numbers}.`;
  return {
    claim: c.value,
    claimRange: { lower: c.lower, upper: c.upper },
    position,
    insidePrediction: position === 'within',
    insideConfidence: c.upper >= lower && c.lower <= upper,
    pooled,
    message,
  };
}
