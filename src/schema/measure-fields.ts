// The zod fields of measures (kept apart from the definitions, so counting measures needs no zod).
import * as z from 'zod/mini';
import { describeValue } from '../errors.js';
import { isMissingValue, readNumberText, type IntegerMeasure, type Measure, type NumberMeasure } from './measures.js';
import { normalizeCategory } from './record.js';

const shown = (v: unknown): string => (typeof v === 'string' ? describeValue(v) : String(v));

const rangeText = (name: string, d: NumberMeasure | IntegerMeasure): string => {
  const unit = d.unit !== undefined ? ` ${d.unit}` : '';
  if (d.min !== undefined && d.max !== undefined) return `${name} must be from ${d.min} to ${d.max}${unit}`;
  if (d.min !== undefined) return `${name} must be at least ${d.min}${unit}`;
  return `${name} must be at most ${d.max}${unit}`;
};

function numberField(m: Measure, d: NumberMeasure | IntegerMeasure) {
  const example = d.kind === 'integer' ? 'a whole number such as 12' : 'a number such as 7.5';
  const base =
    d.kind === 'integer'
      ? z.int({ error: (issue) => `${m.name} must be ${example} (leave it empty when not known), got ${shown(issue.input)}` })
      : z.number({ error: (issue) => `${m.name} must be ${example} (leave it empty when not known), got ${shown(issue.input)}` });
  const range = rangeText(m.name, d);
  const checks = [
    ...(d.min !== undefined ? [z.minimum(d.min, { error: (issue) => `${range}, got ${String(issue.input)}` })] : []),
    ...(d.max !== undefined ? [z.maximum(d.max, { error: (issue) => `${range}, got ${String(issue.input)}` })] : []),
  ];
  return z.pipe(
    z.transform((v: unknown) => (isMissingValue(v) ? undefined : readNumberText(v))),
    z.optional(checks.length > 0 ? base.check(...checks) : base),
  );
}

function levelField(m: Measure) {
  return z.pipe(
    z.transform((v: unknown, ctx): string | number | undefined => {
      if (isMissingValue(v)) return undefined;
      const level = typeof v === 'string' || typeof v === 'number' ? m.lookup.get(normalizeCategory(String(v))) : undefined;
      if (level !== undefined) return level;
      ctx.issues.push({ code: 'custom', input: v, message: `${m.name} must be one of ${m.levels.join(', ')}, got ${shown(v)}` });
      return z.NEVER;
    }),
    z.optional(z.union([z.string(), z.number()])),
  );
}

/** The zod field of one measure: missing values pass as `undefined`, others are checked and converted. */
export function measureField(m: Measure) {
  const d = m.definition;
  return d.kind === 'number' || d.kind === 'integer' ? numberField(m, d) : levelField(m);
}

