// Runs `gleaner <args>` (the built CLI) in this process and prints its peak resident memory on
// stderr at exit, as a last line "maxRSS=<KiB>" (process.resourceUsage().maxRSS is in KiB).
const { main } = await import('../../dist/cli/main.js');
process.on('exit', () => process.stderr.write(`\nmaxRSS=${process.resourceUsage().maxRSS}\n`));
process.exitCode = await main(process.argv.slice(2));
