// After tsup: compile the vendored packages into dist/vendor/ (scripts/vendor.ts), then collect the
// licence and notice of every package compiled into dist/, read from the builds' own lists of
// inputs (esbuild's metafiles), into dist/THIRD-PARTY-NOTICES.md.
// Whatever packages a build bundles (the @stdlib special functions come and go with the code),
// their notices ship with it. Run by `npm run build`.
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildVendor } from './vendor.js';

interface BundledPackage {
  name: string;
  version: string;
  license: string;
  texts: string[];
}

const METAFILES = ['metafile-esm.json', 'metafile-cjs.json', 'cli/metafile-esm.json', 'browser/metafile-esm.json'];
/** The metafiles of a build: tsup's, and those scripts/vendor.ts writes beside each vendor file. */
const metafilesOf = (dist: string): string[] => [
  ...METAFILES.map((m) => join(dist, m)),
  ...(existsSync(join(dist, 'vendor')) ? readdirSync(join(dist, 'vendor')).filter((f) => f.endsWith('.meta.json')).map((f) => join(dist, 'vendor', f)) : []),
];

/** The package directories (…/node_modules/name or …/node_modules/@scope/name) a metafile's inputs come from. */
function packageDirs(metafile: { inputs: Record<string, unknown> }, root: string): Set<string> {
  const dirs = new Set<string>();
  for (const input of Object.keys(metafile.inputs)) {
    const match = /^(.*node_modules\/(?:@[^/]+\/)?[^/]+)\//.exec(input);
    if (match) dirs.add(join(root, match[1]!));
  }
  return dirs;
}

function describe(dir: string): BundledPackage {
  const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name: string; version: string; license?: string };
  const texts = readdirSync(dir)
    .filter((f) => /^(licen[cs]e|copying|notice)(\.|$)/i.test(f))
    .sort((a, b) => Number(/^notice/i.test(a)) - Number(/^notice/i.test(b)) || a.localeCompare(b))
    .map((f) => readFileSync(join(dir, f), 'utf8').trim());
  if (texts.length === 0) throw new Error(`${pkg.name}@${pkg.version} is bundled into dist/ but ships no licence file to copy`);
  return { name: pkg.name, version: pkg.version, license: pkg.license ?? 'see text', texts };
}

/** Collect the notices of everything bundled into `dist` and remove the metafiles. Returns the packages. */
export function writeThirdPartyNotices(dist: string, root = process.cwd()): BundledPackage[] {
  const dirs = new Set<string>();
  for (const path of metafilesOf(dist)) {
    if (!existsSync(path)) continue;
    for (const d of packageDirs(JSON.parse(readFileSync(path, 'utf8')) as { inputs: Record<string, unknown> }, root)) dirs.add(d);
    rmSync(path);
  }
  const packages = [...dirs].map(describe).sort((a, b) => a.name.localeCompare(b.name));
  // many packages share one text (222 @stdlib packages, one Apache-2.0 licence): print each text once
  const byText = new Map<string, BundledPackage[]>();
  for (const p of packages) {
    const key = p.texts.join('\n\n');
    byText.set(key, [...(byText.get(key) ?? []), p]);
  }
  const sections = [...byText].map(
    ([text, list]) => `## ${list.map((p) => `${p.name}@${p.version}`).join(', ')}\n\nLicence: ${[...new Set(list.map((p) => p.license))].join(', ')}\n\n\`\`\`text\n${text}\n\`\`\`\n`,
  );
  writeFileSync(
    join(dist, 'THIRD-PARTY-NOTICES.md'),
    `# Third-party notices\n\nThe files in dist/ include code from the following packages, compiled in by the build. Their licences and notices follow.\n\n${sections.join('\n')}`,
  );
  return packages;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const root = join(dirname(fileURLToPath(import.meta.url)), '..');
  await buildVendor(join(root, 'dist'));
  const packages = writeThirdPartyNotices(join(root, 'dist'), root);
  console.log(`dist/vendor/ built; dist/THIRD-PARTY-NOTICES.md: ${packages.length} bundled packages`);
}
