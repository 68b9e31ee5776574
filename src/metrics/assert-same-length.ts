/**
 * Throws when two inputs of a metric differ in length, naming both parameters, so a caller that passes
 * a horizon of forecasts against a different span of actuals hears about it instead of getting a number.
 *
 * @param metric the public function's name, used as the message prefix
 */
export function assertSameLength(
  metric: string,
  firstName: string,
  first: { readonly length: number },
  secondName: string,
  second: { readonly length: number },
): void {
  if (first.length !== second.length) {
    throw new RangeError(
      `${metric}: ${firstName} has ${first.length} values but ${secondName} has ${second.length}`,
    );
  }
}
