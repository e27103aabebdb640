// Preloaded into a measured process: reports its CPU time and peak resident memory when it exits.
process.on('exit', () => {
  const { user, system } = process.cpuUsage();
  process.stderr.write(`cpu-us=${user + system} peak-rss-kb=${process.resourceUsage().maxRSS}\n`);
});
