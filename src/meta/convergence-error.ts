import { TreatmentOutcomesError } from '../errors.js';

/**
 * An iterative estimator that did not reach its convergence criterion (or whose estimate does
 * not exist, such as a logit of a pooled rate with no events anywhere). Thrown instead of a
 * number that would look like an answer. `method` names the estimator, `iterations` how far it got.
 *
 * @example
 * const error = (() => { try { metaProportion([{ events: 0, n: 10 }, { events: 0, n: 12 }], { method: 'GLMM' }); } catch (e) { return e; } })();
 * error instanceof ConvergenceError; // true
 * error.code; // 'no-convergence'
 */
export class ConvergenceError extends TreatmentOutcomesError {
  readonly method: string;
  readonly iterations: number;
  constructor(method: string, iterations: number, message: string) {
    super('no-convergence', message);
    this.name = 'ConvergenceError';
    this.method = method;
    this.iterations = iterations;
  }
}
