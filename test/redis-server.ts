import { type ChildProcess, spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** A redis-server of a test: on a free loopback port, no persistence, in a temporary folder. */
export interface TestRedis {
  port: number;
  url(stream: string): string;
  stop(): Promise<void>;
}

/**
 * A free TCP port on 127.0.0.1, bound and released (Redis reads `--port 0` as "no TCP", so the port is chosen
 * here); nothing listens on it until someone binds it again.
 */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/**
 * Starts Debian's redis-server for a test and resolves once it accepts connections; fails with a clear
 * message when redis-server is not installed (.ci/run installs it).
 */
export async function startRedis(): Promise<TestRedis> {
  const dir = await mkdtemp(join(tmpdir(), "avails-redis-"));
  const port = await freePort();
  const child: ChildProcess = spawn(
    "redis-server",
    ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", dir],
    { stdio: ["ignore", "pipe", "pipe"] },
  );
  let output = "";
  await new Promise<void>((resolve, reject) => {
    child.once("error", (error: NodeJS.ErrnoException) => {
      reject(
        new Error(
          error.code === "ENOENT"
            ? "redis-server is not installed: the streaming tests need Debian's redis-server (apt-get install redis-server; .ci/run installs it)"
            : `redis-server did not start: ${error.message}`,
        ),
      );
    });
    child.once("exit", (code) => reject(new Error(`redis-server exited with code ${code}: ${output}`)));
    child.stdout?.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes("Ready to accept connections")) resolve();
    });
    child.stderr?.on("data", (chunk: Buffer) => {
      output += chunk.toString();
    });
  });
  child.removeAllListeners("exit");
  return {
    port,
    url: (stream) => `redis://127.0.0.1:${port}/${stream}`,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once("exit", resolve));
        child.kill("SIGTERM");
        await exited;
      }
      await rm(dir, { recursive: true, force: true });
    },
  };
}
