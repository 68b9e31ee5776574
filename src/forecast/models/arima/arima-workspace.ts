/**
 * Buffers that a sequence of ARIMA fits (the candidates of one order search) reuses instead of allocating
 * its own: every fit needs a few arrays of the series' length and, when the likelihood gradient is exact, a
 * trajectory of (series length) x (state dimension) numbers, and allocating those per fit cost more than
 * some of the fits themselves (allocation, zeroing and garbage collection). A buffer is handed out as a view
 * of the length asked for and may be handed out again by the next request for the same slot, so nothing a
 * fit returns may be a view of it.
 */
export interface ArimaWorkspace {
  readonly buffers: Map<string, Float64Array>;
}

/**
 * An empty workspace, to pass to the fits of one search (see `ArimaSpec.workspace`).
 *
 * @example const workspace = arimaWorkspace(); fitArima(y, { order, workspace }); fitArima(y, { order: other, workspace });
 */
export function arimaWorkspace(): ArimaWorkspace {
  return { buffers: new Map() };
}

/**
 * `length` numbers from the workspace's buffer `slot` (grown when too short), zeroed unless `zero` is
 * false (for arrays that are written before they are read); a new array without a workspace.
 *
 * @example workspaceArray(workspace, "residuals", y.length) // zeros, y.length of them
 */
export function workspaceArray(
  workspace: ArimaWorkspace | undefined,
  slot: string,
  length: number,
  zero = true,
): Float64Array {
  if (workspace === undefined) return new Float64Array(length);
  const held = workspace.buffers.get(slot);
  if (held === undefined || held.length < length) {
    const buffer = new Float64Array(Math.max(length, Math.ceil(1.5 * (held?.length ?? 0))));
    workspace.buffers.set(slot, buffer);
    return buffer.subarray(0, length);
  }
  const view = held.subarray(0, length);
  if (zero) view.fill(0);
  return view;
}
