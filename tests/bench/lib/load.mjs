// One load run with autocannon, in a process of its own (so the load generator never shares an event loop
// with a server under test). Input: a JSON object in argv[2] (autocannon options: url, method, headers, body,
// connections, duration, timeout). Output: one JSON line with the figures run.mjs reads.
import autocannon from 'autocannon';

const options = JSON.parse(process.argv[2]);
const result = await autocannon({ pipelining: 1, timeout: 60, ...options });
process.stdout.write(
  JSON.stringify({
    p50: result.latency.p50,
    p99: result.latency.p99,
    mean: result.latency.mean,
    rps: result.requests.total / (result.duration || options.duration),
    requests: result.requests.total,
    errors: result.errors,
    timeouts: result.timeouts,
    non2xx: result.non2xx,
    statusCodes: result.statusCodeStats,
  }) + '\n',
);
