import type { Command } from "commander";
import { globalOptions, withStore } from "./context.js";

/** `avails tokens create|list|revoke`: bearer tokens of the HTTP API. */
export function registerTokens(program: Command): void {
  const tokens = program
    .command("tokens")
    .description("bearer tokens of the HTTP API (viewer, planner, admin)");

  tokens
    .command("create")
    .description("make a token; it is printed once, alone on the last line, and only its hash is kept")
    .option("--role <role>", "viewer (reads), planner (also campaign writes) or admin (also ingest)")
    .option("--label <text>", "a note to tell tokens apart in `tokens list`")
    .action(async (flags: { role?: string; label?: string }, command: Command) => {
      if (flags.role === undefined) throw new Error("--role: required, one of viewer, planner, admin");
      const { createToken } = await import("../serve/tokens.js");
      const made = await withStore(globalOptions(command), false, (store) =>
        createToken(store.tokens, flags.role as string, flags.label ?? null),
      );
      console.log(`created token ${made.id} (${made.role}); it is shown this once, keep it safe:`);
      console.log(made.token);
    });

  tokens
    .command("list")
    .description("the tokens: id, role, created, revoked (never the tokens themselves)")
    .option("--json", "print as a JSON array")
    .action(async (flags: { json?: boolean }, command: Command) => {
      const list = await withStore(globalOptions(command), true, (store) => store.tokens.list());
      const shown = list.map(({ hash: _hash, ...rest }) => rest);
      if (flags.json) {
        console.log(JSON.stringify(shown));
        return;
      }
      if (shown.length === 0) {
        console.log("no tokens: avails tokens create --role viewer|planner|admin");
        return;
      }
      const rows = [
        ["id", "role", "created", "revoked", "label"],
        ...shown.map((t) => [t.id, t.role, t.createdAt, t.revokedAt ?? "-", t.label ?? ""]),
      ];
      const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
      for (const row of rows)
        console.log(
          row
            .map((v, c) => v.padEnd(widths[c]))
            .join("  ")
            .trimEnd(),
        );
    });

  tokens
    .command("revoke")
    .description("revoke a token by its id (a running server reads tokens when it starts)")
    .argument("<id>", "token id, as `tokens list` shows it")
    .action(async (id: string, _flags: unknown, command: Command) => {
      const revoked = await withStore(globalOptions(command), false, (store) =>
        store.tokens.revoke(id, new Date().toISOString()),
      );
      if (!revoked) throw new Error(`no live token "${id}"`);
      console.log(`revoked token ${id}`);
    });
}
