/**
 * A weight (1 - alpha)^t below which the initial state no longer reaches any sum in double precision.
 * Recursions that keep multiplying by (1 - alpha) clamp to 0 here: left alone the power sinks into
 * subnormal numbers, whose arithmetic is tens of times slower on x86.
 */
export const NEGLIGIBLE_POWER = 1e-150;
