#!/usr/bin/env node
import { createRequire } from "node:module";
import { Command } from "commander";
import { registerAccuracy } from "./accuracy.js";
import { registerAdjustments } from "./adjustments.js";
import { registerBackfill } from "./backfill.js";
import { registerBacktest } from "./backtest.js";
import { registerCampaigns } from "./campaigns.js";
import { registerDemo } from "./demo.js";
import { registerForecast } from "./forecast.js";
import { registerIngest } from "./ingest.js";
import { registerPace } from "./pace.js";
import { registerQuarantine } from "./quarantine.js";
import { registerQuery } from "./query.js";
import { registerRuns } from "./runs.js";
import { registerSeries } from "./series.js";
import { registerServe } from "./serve.js";
import { registerSimulate } from "./simulate.js";
import { registerStatus } from "./status.js";
import { registerStream } from "./stream.js";
import { registerTokens } from "./tokens.js";
import { registerWorker } from "./worker.js";

const { version } = createRequire(import.meta.url)("../../package.json") as { version: string };

const program = new Command();
program
  .name("avails")
  .version(version)
  .description("ad inventory forecasting and campaign pacing")
  .option("--store <dir>", "store folder", process.env.AVAILS_STORE ?? "./data")
  .option("--config <file>", "config file (JSON); default $AVAILS_CONFIG or ./avails.config.json if present")
  // Usage errors read like every other failure: one line naming what was wrong.
  .configureOutput({ outputError: (text, write) => write(`avails: ${text.replace(/^error: /, "")}`) });

registerDemo(program);
registerIngest(program);
registerStream(program);
registerBackfill(program);
registerStatus(program);
registerSeries(program);
registerQuarantine(program);
registerForecast(program);
registerBacktest(program);
registerRuns(program);
registerAdjustments(program);
registerCampaigns(program);
registerQuery(program);
registerAccuracy(program);
registerTokens(program);
registerServe(program);
registerPace(program);
registerSimulate(program);
registerWorker(program);

program.parseAsync(process.argv).catch((error: unknown) => {
  // One line, no stack trace: the message names what was wrong.
  console.error(`avails: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
