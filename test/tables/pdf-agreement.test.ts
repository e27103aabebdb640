// Tables printed as `chromium --headless --print-to-pdf` prints a page (portrait Letter, default
// margins, so wide tables wrap their cells over several lines) read back as the same table read
// from the HTML: the same claims and means, and no false alarm against the gold.
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readTablesFromFile } from '../../src/node/read-tables.js';
import { tableClaims } from '../../src/tables/table-claims.js';
import { agreement, CHROMIUM, printCorpus } from './pdf-agreement.js';
import { GOLD, scoreTable } from './score.js';

const haveBrowser = existsSync(CHROMIUM);
if (!haveBrowser && !process.env.CI) console.warn(`test/tables/pdf-agreement.test.ts skipped: no Chromium at ${CHROMIUM} to print the PDFs (CI installs it through .ci/run).`);

// tables whose portrait print wraps heading cells (t47, t70, t76), label cells (t20, t43, t57) or
// sets columns too close for a wide gap (t02, t17, t53), and one that does not wrap (t13)
const EXACT = ['t02-bmjopen-rct-characteristics', 't13-svn-north-south-stroke', 't17-jpn-levomilnacipran-disposition', 't20-plosone-tb-outcomes', 't43-bmjopen-diabetes-stigma-single-column', 't47-pmc-virology-severity', 't53-bmcfampract-smokers-referral', 't57-cmaj-retirement-hypertension-diabetes', 't70-bmchsr-chd-prevention-percent-only', 't76-jhypertens-china-risk-profiles'];
const dir = mkdtempSync(join(tmpdir(), 'to-tables-portrait-'));
const pdf = (id: string) => join(dir, `${id}-portrait.pdf`);

describe.skipIf(!haveBrowser && !process.env.CI)('tables printed in portrait, read back from PDF', () => {
  beforeAll(async () => printCorpus(EXACT, dir, 'portrait'), 120_000);

  it.each(EXACT)('%s gives the claims and means its HTML gives', async (id) => {
    const a = await agreement(id, pdf(id));
    expect(a.claims.reference + a.means.reference).toBeGreaterThan(0);
    expect({ missing: [...a.claims.missing, ...a.means.missing], extra: [...a.claims.extra, ...a.means.extra] }).toEqual({ missing: [], extra: [] });
  });

  it('raises no false alarm on them', async () => {
    for (const id of EXACT) {
      const gold = GOLD.find((g) => g.file === `${id}.html`)!;
      const score = scoreTable(gold, (await readTablesFromFile(pdf(id))).map((t, i) => tableClaims(t, { idPrefix: `t${i + 1}-` })));
      expect(score.falseAlarms, id).toEqual([]);
    }
  });
});
