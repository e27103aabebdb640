// Preloaded by bench/startup.ts: reports the process's own CPU time (user + system) when it exits.
process.on('exit', () => {
  const { user, system } = process.cpuUsage();
  process.stderr.write(`startup-cpu-us=${user + system}\n`);
});
