import type { DocumentBlock, TableData, TextDocument } from '../document/document.js';
import type { Cohort } from '../schema/define-cohort.js';

/** Where a figure stands in the source text, so a person can check it at a glance. */
export interface TextSpan {
  start: number;
  end: number;
  quote: string;
}

/**
 * How a claim's denominator was found: printed with the claim ("18 of 120", "(n = 150)"),
 * stated elsewhere in the same sentence, in an earlier sentence of the same paragraph or
 * section, in a table's header, or assumed (the text does not say what the percent is of).
 */
export type DenominatorSource = 'with-claim' | 'same-sentence' | 'earlier-sentence' | 'table-header' | 'assumed';

/** A claim found in prose or a table, in the claims-file shape, with its source span. */
export interface ExtractedClaim {
  id: string;
  label?: string;
  type?: string;
  measure?: 'share' | 'improvement';
  numerator?: number;
  denominator: number;
  denominatorSource: DenominatorSource;
  /** Same as `denominatorSource: 'assumed'` (kept for claims files written before that field). */
  denominatorAssumed?: boolean;
  /** Why this denominator was chosen when it was not printed with the claim. */
  denominatorNote?: string;
  /** As printed, with a '.' decimal mark ("31,34 %" gives "31.34"); absent for a bare "X/N". */
  percent?: string;
  span: TextSpan;
  /** The paragraph (or table row) that holds the claim, as a person reads it. */
  context?: TextSpan;
}

/** A mean (and SD) found in a table of the page, in the claims-file `means` shape, with its source span. */
export interface ExtractedMean {
  id: string;
  label?: string;
  /** As printed, with a '.' decimal mark. */
  mean: string;
  sd?: string;
  n: number;
  items?: number;
  scale?: [number, number];
  /** A measurement, not whole-number data: GRIM and GRIMMER do not apply. */
  continuous?: boolean;
  /** How the n was found. */
  nSource: DenominatorSource;
  span: TextSpan;
  /** The table row that holds it. */
  context?: TextSpan;
}

/** Parts of a stated total, proposed as a partition. */
export interface ExtractedPartition {
  id: string;
  total: number;
  parts: string[];
  /** Sum of the parts' counts minus the total (0 when they add up). */
  difference: number;
  span: TextSpan;
}

/** A figure that could not be tied to a claim (a percent with no denominator in reach). */
export interface UnresolvedFigure {
  text: string;
  reason: string;
  span: TextSpan;
}

/** What {@link extractClaims} found. */
export interface Extraction {
  claims: ExtractedClaim[];
  partitions: ExtractedPartition[];
  unresolved: UnresolvedFigure[];
  /** Means and SDs read from the page's tables (with a table reader). */
  means?: ExtractedMean[];
  /** The locale the numbers were read in (after 'auto' detection). */
  locale: ExtractLocale;
  /** Whether decimals were read with a comma ("84,3 %"). */
  decimalComma: boolean;
}

/** Languages and number formats `extractClaims` reads. */
export type ExtractLocale = 'en' | 'de' | 'fr' | 'es';

/** A group total in scope where a table stands, for a table reader to fall back on. */
export interface TotalInScope {
  value: number;
  label?: string;
  span: TextSpan;
}

/** What a {@link TableReader} is given with each table block. */
export interface TableContext {
  document: TextDocument;
  locale: ExtractLocale;
  decimalComma: boolean;
  cohort: Cohort<string>;
  /** Totals stated in the prose before the table, innermost (nearest) first. */
  totals: readonly TotalInScope[];
}

/** Claims read from one table; ids need not be unique across the document (they are made so). */
export interface TableExtraction {
  claims: ExtractedClaim[];
  partitions?: ExtractedPartition[];
  unresolved?: UnresolvedFigure[];
  means?: ExtractedMean[];
}

/**
 * A reader of table blocks, plugged into {@link extractClaims} with `options.tables`, so a page's
 * prose and tables give one extraction. Without one, table blocks are read as lines of prose.
 */
export type TableReader = (table: DocumentBlock & { table: TableData }, context: TableContext) => TableExtraction;

/** Options of {@link extractClaims}. */
export interface ExtractOptions {
  /**
   * How numbers and words are read: 'en' (default: "1,204.5", "per cent"), 'de', 'fr', 'es'
   * ("1.204,5", "1 204,5", "Prozent", "pour cent", "por ciento"), or 'auto' to tell decimal
   * commas from the text itself ("84,3 %" beside "4.278") and the language from its words.
   */
  locale?: ExtractLocale | 'auto';
  /** Read "31,34 %" as 31.34 and "4.278" as 4278: the same as a comma locale. */
  decimalComma?: boolean;
  /** The vocabulary that turns labels into types (default: cerebral palsy). */
  cohort?: Cohort<string>;
  /** Reads table blocks into claims (e.g. the package's table reader). */
  tables?: TableReader;
}
