/**
 * The task modules a queue carries work for, by name: a shard names its module and a worker loads only these,
 * from its own installation (a shard never carries code or a path).
 */
export const QUEUE_TASK_MODULES = ["hierarchy-task", "forecast-task"] as const;

export type QueueTaskModule = (typeof QUEUE_TASK_MODULES)[number];

/**
 * The name of a task module runPool was given (`.../run/hierarchy-task.js` → "hierarchy-task"); an error when
 * the queue does not carry it.
 *
 * @example taskModuleName(new URL("file:///app/dist/run/forecast-task.js")) // "forecast-task"
 */
export function taskModuleName(moduleUrl: URL): QueueTaskModule {
  const file = moduleUrl.pathname.slice(moduleUrl.pathname.lastIndexOf("/") + 1);
  const name = file.replace(/\.(js|ts)$/, "");
  if (!(QUEUE_TASK_MODULES as readonly string[]).includes(name)) {
    throw new Error(`task module ${file}: the queue carries only ${QUEUE_TASK_MODULES.join(", ")}`);
  }
  return name as QueueTaskModule;
}

/**
 * This installation's built file of a task module named in a shard; an error for any other name.
 *
 * @example taskModuleUrl("hierarchy-task") // file:///.../dist/run/hierarchy-task.js
 */
export function taskModuleUrl(name: string): URL {
  if (!(QUEUE_TASK_MODULES as readonly string[]).includes(name)) {
    throw new Error(`shard: unknown task module ${JSON.stringify(name)}`);
  }
  // Built files sit beside each other (dist/queue, dist/run); from sources this names the .ts file.
  const extension = import.meta.url.slice(import.meta.url.lastIndexOf("."));
  return new URL(`../run/${name}${extension}`, import.meta.url);
}
