import type { DuckDBConnection } from "@duckdb/node-api";

/**
 * With `AVAILS_TRACE=1` in the environment, wraps a connection so every statement's duration and first words go
 * to stderr: how to see which step of a slow run takes the time. Otherwise returns the connection itself.
 */
export function traceConnection(connection: DuckDBConnection): DuckDBConnection {
  if (!process.env.AVAILS_TRACE) return connection;
  return new Proxy(connection, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver);
      if (property !== "run" && property !== "runAndReadAll") return value;
      return async (...args: unknown[]) => {
        const started = performance.now();
        try {
          return await (value as (...a: unknown[]) => Promise<unknown>).apply(target, args);
        } finally {
          const sql = String(args[0]).replace(/\s+/g, " ").slice(0, 90);
          process.stderr.write(
            `[trace] ${(performance.now() - started).toFixed(0).padStart(6)} ms  ${sql}\n`,
          );
        }
      };
    },
  });
}
