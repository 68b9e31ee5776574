/**
 * Throws when a prediction interval's bounds cross (lower above upper) at one index, naming the index and
 * both values: crossed quantiles are a model bug that scoring would otherwise hide.
 *
 * @param metric the public function's name, used as the message prefix
 */
export function assertOrderedBounds(metric: string, index: number, lower: number, upper: number): void {
  if (lower > upper) {
    throw new RangeError(`${metric}: lower[${index}] = ${lower} is above upper[${index}] = ${upper}`);
  }
}
