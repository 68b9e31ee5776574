// Loaded with `node --import` into a measured process: on exit, prints the peak resident set size.
process.on("exit", () => {
  process.stderr.write(`\nBENCH_MAX_RSS_KB=${process.resourceUsage().maxRSS}\n`);
});
