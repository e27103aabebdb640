// The workbench page: input → extraction → audit → the text with its figures, the panel, the
// findings, the charts. State is a few variables; every change reruns the audit and redraws.
import type { ClaimsFile } from '../../src/claims/schema.js';
import type { TextDocument } from '../../src/document/document.js';
import type { UnresolvedFigure } from '../../src/extract/types.js';
import type { ReportInput } from '../../src/report/compose-report.js';
import { calculatorsView } from './calculators.js';
import { detailView } from './detail-view.js';
import { byId, download, h, plural, replace } from './dom.js';
import { findingsView } from './findings-view.js';
import type { Workbench } from './pipeline.js';
import type { RecordsFile } from './records.js';
import { describeSingleCheck, readSingleCheck } from './single-check.js';
import { textView } from './text-view.js';

type Engine = typeof import('./engine.js');
let engine: Engine | undefined;
let engineLoading: Promise<Engine> | undefined;
/** The engine chunk, loaded once; every source of figures goes through it, so it is there when rerun() needs it. */
const loadEngine = (): Promise<Engine> => (engineLoading ??= import('./engine.js').then((e) => (engine = e)));

/** The clinic's paragraph, as the package's seed claims file quotes it. */
const EXAMPLE =
  'Since 2004 ... till the end of 2014, we have treated 4278 patients with cerebral palsy, including 2324 spastic (54.32%), 1341 mixed (31.34%), 501 athetoid (11.71%) and 112 other types (2.62%). The total improvement rate is 96%.';

interface Source {
  name: string;
  document: TextDocument;
  file: ClaimsFile & { unresolved?: UnresolvedFigure[] };
}

let source: Source | undefined;
let records: RecordsFile | undefined;
let corrections = new Map<string, number>();
let selected: string | undefined;
let current: Workbench | undefined;
let chartsDrawn: Promise<void> = Promise.resolve();
let chartTimer: ReturnType<typeof setTimeout> | undefined;
let chartsDrawnOnce = false;

const status = (text: string, isError = false) => replace(byId('summary'), isError ? h('span', { class: 'error-text' }, text) : text);

async function loadPage(raw: string, name?: string): Promise<void> {
  if (raw.trim() === '') {
    status('The text is empty: paste a page or use the clinic’s paragraph.', true);
    return;
  }
  try {
    const { document, file } = (await loadEngine()).claimsFromPage(raw, name);
    setSource({ name: name ?? 'the pasted text', document, file });
  } catch (error) {
    status(`${name ?? 'The text'} could not be read: ${error instanceof Error ? error.message : String(error)}`, true);
  }
}

function setSource(next: Source): void {
  source = next;
  corrections = new Map();
  selected = undefined;
  rerun();
}

/** Audit again and redraw everything that depends on it. */
function rerun(): void {
  current = source && engine ? engine.runAudit(source.document, source.file, { corrections, references: engine.REFERENCES, ...(records ? { records: records.table } : {}) }) : undefined;
  drawText();
  drawDetail();
  replace(byId('findings'), findingsView(current?.audit, current?.figures ?? [], select));
  drawSummary();
  byId<HTMLButtonElement>('download-claims').disabled = current === undefined;
  byId<HTMLButtonElement>('download-report').disabled = current === undefined && records === undefined;
  scheduleCharts();
}

function drawSummary(): void {
  const parts: string[] = [];
  if (current) {
    const count = (s: string) => current!.figures.filter((f) => f.status === s).length;
    const { figures } = current;
    parts.push(
      figures.length === 0
        ? `No figure in ${source!.name} could be tied to a total.`
        : `${plural(figures.length, 'figure')} in ${source!.name}: ${count('error')} cannot be right, ${count('warning')} ${count('warning') === 1 ? 'needs' : 'need'} a look, ${count('ok')} consistent, ${count('unresolved')} unresolved.`,
    );
    if (corrections.size > 0) parts.push(`${plural(corrections.size, 'denominator')} corrected by hand.`);
  }
  if (records) parts.push(`Records: ${records.name}, ${plural(records.table.total, 'patient')}${records.rejected.length ? ` (${plural(records.rejected.length, 'row')} left out, listed under the charts)` : ''}.`);
  status(parts.length ? parts.join(' ') : 'Nothing checked yet: paste a text, drop a file or use the clinic’s paragraph.');
}

function drawText(): void {
  const text = byId('text');
  if (!current) {
    replace(text, h('p', { class: 'muted' }, records ? 'Records only: no text to check. Paste the page that publishes figures about them to audit it against the records.' : 'The text appears here with its figures highlighted.'));
    return;
  }
  replace(text, ...textView(current.document, current.figures, selected, select));
}

function drawDetail(): void {
  const panel = byId('detail');
  const figure = current?.figures.find((f) => f.key === selected);
  const original = figure?.claim ? source?.file.claims.find((c) => c.id === figure.claim!.id)?.denominator : undefined;
  const old = document.activeElement instanceof HTMLInputElement && document.activeElement.id === 'denominator' ? document.activeElement : undefined;
  const nodes = detailView(figure, current?.totals ?? [], original, { correct }, current?.file.decimalComma ?? false);
  replace(panel, ...nodes);
  // keep the field being typed in (and its caret) across the redraw
  const fresh = panel.querySelector<HTMLInputElement>('#denominator');
  if (old && fresh) {
    fresh.replaceWith(old);
    old.focus();
  }
}

function select(key: string): void {
  selected = key;
  drawText();
  drawDetail();
  byId('text').querySelector<HTMLButtonElement>(`[data-figure="${CSS.escape(key)}"]`)?.focus();
}

function correct(claimId: string, denominator: number | undefined): void {
  const original = source?.file.claims.find((c) => c.id === claimId)?.denominator;
  if (denominator === undefined || denominator === original) corrections.delete(claimId);
  else corrections.set(claimId, denominator);
  rerun();
}

function reportInput(): ReportInput | undefined {
  if ((!current && !records) || !engine) return undefined;
  return {
    ...(records ? { records: records.table, recordsLabel: records.name } : {}),
    ...(current ? { claims: current.file } : {}),
    references: engine.REFERENCES,
  };
}

/** The charts the report would draw, drawn in the page (vega loads on the first); typing waits a moment. */
function scheduleCharts(): void {
  clearTimeout(chartTimer);
  chartTimer = setTimeout(drawChartsNow, chartsDrawnOnce ? 250 : 0);
}

function drawChartsNow(): void {
  const input = reportInput();
  const container = byId('charts');
  drawRejected();
  if (!input) {
    container.replaceChildren();
    return;
  }
  chartsDrawnOnce = true;
  container.setAttribute('aria-busy', 'true');
  chartsDrawn = chartsDrawn
    // the report's own chart specs; the page draws them itself, so the renderer draws nothing here
    .then(() => engine!.composeReport(input, async () => ''))
    .then((report) => import('./charts.js').then(({ drawCharts }) => drawCharts(container, Object.fromEntries(Object.entries(report.charts).map(([name, c]) => [name, c.spec])))))
    .catch((error: unknown) => replace(container, h('p', { class: 'error-text' }, `The charts could not be drawn: ${error instanceof Error ? error.message : String(error)}`)))
    .finally(() => container.removeAttribute('aria-busy'));
}

function drawRejected(): void {
  const note = byId('records-note');
  if (!records) return;
  const left = records.rejected.slice(0, 20).map((r) => h('li', {}, `line ${r.row}: ${r.issues.map((i) => `${i.field}: ${i.message}${i.suggestion ? ` (did you mean “${i.suggestion}”?)` : ''}`).join('; ')}`));
  replace(
    note,
    `Records from ${records.name}: ${plural(records.table.total, 'patient')}.`,
    records.rejected.length > 0 ? h('span', {}, ` ${plural(records.rejected.length, 'row')} ${records.rejected.length === 1 ? 'was' : 'were'} left out:`, h('ul', {}, ...left), records.rejected.length > 20 ? `… and ${records.rejected.length - 20} more.` : '') : '',
  );
}

async function readFiles(files: FileList | readonly File[]): Promise<void> {
  const names: string[] = [];
  for (const file of Array.from(files)) {
    const text = await file.text();
    names.push(file.name);
    try {
      const e = await loadEngine();
      if (/\.csv$/i.test(file.name)) {
        records = e.readRecordsCsv(text, file.name);
        rerun();
      } else if (/\.(?:ya?ml|json)$/i.test(file.name)) {
        const { document, file: claims } = e.claimsFromFile(text, file.name);
        setSource({ name: file.name, document, file: claims });
      } else await loadPage(text, file.name);
    } catch (error) {
      status(`${file.name}: ${error instanceof Error ? error.message : String(error)}`, true);
    }
  }
  replace(byId('files'), names.length ? `Read: ${names.join(', ')}.` : '');
}

function wire(): void {
  const sourceField = byId<HTMLTextAreaElement>('source');
  byId('text-form').addEventListener('submit', (event) => {
    event.preventDefault();
    void loadPage(sourceField.value).then(() => byId('results').focus());
  });
  byId('example').addEventListener('click', () => {
    sourceField.value = EXAMPLE;
    void loadPage(EXAMPLE);
  });
  byId('clear').addEventListener('click', () => {
    sourceField.value = '';
    source = undefined;
    records = undefined;
    replace(byId('records-note'), 'Drop a cohort CSV to see its type distribution and improvement rates; a text with percents gets its audit chart.');
    rerun();
  });
  const fileInput = byId<HTMLInputElement>('file');
  fileInput.addEventListener('change', () => void readFiles(fileInput.files ?? []));
  const drop = byId('drop');
  const zone = document.body;
  zone.addEventListener('dragover', (event) => {
    event.preventDefault();
    drop.classList.add('over');
  });
  zone.addEventListener('dragleave', () => drop.classList.remove('over'));
  zone.addEventListener('drop', (event) => {
    event.preventDefault();
    drop.classList.remove('over');
    if (event.dataTransfer?.files.length) void readFiles(event.dataTransfer.files);
  });

  byId('single-form').addEventListener('submit', (event) => {
    event.preventDefault();
    const line = byId<HTMLInputElement>('single').value;
    const out = byId('single-result');
    const parsed = readSingleCheck(line);
    if (!parsed) {
      replace(out, h('span', { class: 'error-text' }, `Not read as a check: “${line}”. Type a percent and its denominator, e.g. “31.34% of 4278”.`));
      return;
    }
    try {
      const r = describeSingleCheck(parsed);
      replace(out, h('span', { class: `verdict ${r.possible ? 'ok' : 'error'}` }, r.text));
    } catch (error) {
      replace(out, h('span', { class: 'error-text' }, error instanceof Error ? error.message : String(error)));
    }
  });

  byId('download-claims').addEventListener('click', () => {
    if (current && engine) download('claims.yaml', 'application/yaml', engine.yamlStringify(current.file, { lineWidth: 0 }));
  });
  byId('download-report').addEventListener('click', () => {
    const input = reportInput();
    if (!input) return;
    void import('./charts.js')
      .then(({ browserRenderer }) => engine!.composeReport(input, browserRenderer))
      .then((report) => download('report.html', 'text/html', report.html))
      .catch((error: unknown) => status(`The report could not be made: ${error instanceof Error ? error.message : String(error)}`, true));
  });
  replace(byId('calculators'), ...calculatorsView());
  rerun();
  // fetch the engine from this same server once the page is up, so the first paste does not wait
  setTimeout(() => void loadEngine(), 500);
}

wire();
