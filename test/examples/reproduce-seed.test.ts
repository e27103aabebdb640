import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { reproduceSeed } from '../../examples/reproduce-seed.js';

describe('examples/reproduce-seed', () => {
  const seed = JSON.parse(readFileSync(new URL('../../data/seed-claims.json', import.meta.url), 'utf8')) as {
    claims: Parameters<typeof reproduceSeed>[0];
  };
  const lines = reproduceSeed(seed.claims);

  it('finds that no single rounding rule explains the table', () => {
    expect(lines).toContain('No single rounding rule reproduces every printed percent.');
  });

  it('points at 31.34 as the print that ordinary rounding cannot give', () => {
    expect(lines.filter((l) => l.includes('ordinary rounding prints'))).toEqual([
      'mixed: 1341/4278 = 31.3464...%, which ordinary rounding prints as 31.35, not the published 31.34 (only floor gives 31.34)',
    ]);
  });
});
