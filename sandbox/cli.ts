/**
 * `npm run sandbox -- --port 6443 --kubeconfig PATH --scenario NAME|all --speed F --history 30m`
 * Starts the sandbox cluster, prints its URL and kubeconfig, and runs until SIGINT/SIGTERM.
 * `npm run sandbox -- --apiserver KUBECONFIG --context NAME` plays the same scenarios on a real
 * API server instead (sandbox/real/), and deletes what it created on exit.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { SCENARIOS, startSandbox, type SandboxOptions } from './index';
import { startSimulator, type SimulatorOptions } from './real/simulate';
import type { SimulationOptions } from './sandbox';

const USAGE = `usage: npm run sandbox -- [--port N] [--host H] [--kubeconfig PATH] [--scenario NAME|all]...
                        [--speed F] [--history 30m] [--token T] [--seed N] [--event-ttl 1h]
                        [--tls-cert cert.pem --tls-key key.pem]
                        [--pods N --namespaces N --nodes N]   (scale mode: a large cluster)
       npm run sandbox -- --apiserver KUBECONFIG --context NAME [--scenario ...] [--history 30m] [--keep]
                        (play the scenarios on a real API server: "rehearse an incident on your dev cluster")
scenarios: ${SCENARIOS.join(', ')}`;

/** Parses "30m", "1h", "90s", "1500ms" or a plain number of ms. */
export function parseDuration(s: string): number {
  const m = /^(\d+(?:\.\d+)?)(ms|s|m|h)?$/.exec(s.trim());
  if (!m) throw new Error(`invalid duration "${s}" (use e.g. 30m, 1h, 90s)`);
  const unit = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 }[
    (m[2] ?? 'ms') as 'ms' | 's' | 'm' | 'h'
  ];
  return Number(m[1]) * unit;
}

/** What the command line asks for: an in-memory sandbox, or the simulator on a real API server. */
export type CliCommand =
  | { mode: 'sandbox'; options: SandboxOptions }
  | { mode: 'apiserver'; options: SimulatorOptions; keep: boolean };

function number(flag: string, v: string): number {
  const n = Number(v);
  if (!Number.isFinite(n)) throw new Error(`${flag} must be a number, got "${v}"`);
  return n;
}

export function parseCli(argv: string[]): CliCommand | 'help' {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        port: { type: 'string' },
        host: { type: 'string' },
        kubeconfig: { type: 'string' },
        scenario: { type: 'string', multiple: true },
        scenarios: { type: 'string', multiple: true },
        speed: { type: 'string' },
        history: { type: 'string' },
        'event-ttl': { type: 'string' },
        token: { type: 'string' },
        'tls-cert': { type: 'string' },
        'tls-key': { type: 'string' },
        seed: { type: 'string' },
        pods: { type: 'string' },
        namespaces: { type: 'string' },
        nodes: { type: 'string' },
        apiserver: { type: 'string' },
        context: { type: 'string' },
        keep: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (err) {
    throw new Error(`${(err as Error).message}\n${USAGE}`);
  }
  const v = parsed.values;
  if (v.help) return 'help';
  const scenarios = [...(v.scenario ?? []), ...(v.scenarios ?? [])].flatMap((s) => s.split(','));
  const common: SimulationOptions = {};
  if (scenarios.length && !scenarios.includes('all')) common.scenarios = scenarios;
  if (v.speed !== undefined) common.speed = number('--speed', v.speed);
  if (!(Number.isFinite(common.speed ?? 1) && (common.speed ?? 1) > 0))
    throw new Error('--speed must be a positive number');
  if (v.history !== undefined) common.historyMs = parseDuration(v.history);
  if (v['event-ttl'] !== undefined) common.eventTtlMs = parseDuration(v['event-ttl']);
  if (v.seed !== undefined) common.seed = number('--seed', v.seed);

  if (v.apiserver !== undefined) {
    for (const flag of [
      'port',
      'host',
      'kubeconfig',
      'token',
      'tls-cert',
      'tls-key',
      'pods',
      'namespaces',
      'nodes',
    ] as const)
      if (v[flag] !== undefined)
        throw new Error(`--${flag} serves the in-memory sandbox; it does not go with --apiserver`);
    if (!v.context)
      throw new Error(
        '--context NAME is required with --apiserver: the simulator writes only to the context you name',
      );
    return {
      mode: 'apiserver',
      keep: v.keep ?? false,
      options: { ...common, kubeconfigPath: path.resolve(v.apiserver), context: v.context },
    };
  }
  if (v.context !== undefined || v.keep !== undefined)
    throw new Error(`--context and --keep go with --apiserver KUBECONFIG\n${USAGE}`);
  const opts: SandboxOptions = {
    ...common,
    port: v.port === undefined ? 6443 : number('--port', v.port),
    kubeconfigPath: path.resolve(v.kubeconfig ?? '.sandbox/kubeconfig'),
  };
  if (v.host !== undefined) opts.host = v.host;
  for (const flag of ['pods', 'namespaces', 'nodes'] as const) {
    const value = v[flag];
    if (value === undefined) continue;
    const n = Number(value);
    if (!Number.isInteger(n) || n < 1) throw new Error(`--${flag} must be a positive integer`);
    opts.scale = { pods: 10_000, namespaces: 200, nodes: 500, ...opts.scale, [flag]: n };
  }
  if (v.token !== undefined) opts.token = v.token;
  if ((v['tls-cert'] === undefined) !== (v['tls-key'] === undefined))
    throw new Error('--tls-cert and --tls-key go together');
  if (v['tls-cert'] !== undefined && v['tls-key'] !== undefined)
    opts.tls = {
      cert: readFileSync(v['tls-cert'], 'utf8'),
      key: readFileSync(v['tls-key'], 'utf8'),
    };
  return { mode: 'sandbox', options: opts };
}

async function runSimulator(options: SimulatorOptions, keep: boolean): Promise<void> {
  const sim = await startSimulator({ ...options, log: (m) => console.error(m) });
  console.log(
    `sandbox: playing ${sim.scenarios.join(', ')} on ${sim.server} (context "${sim.context}")`,
  );
  console.log(`sandbox: simulated kubelets serve logs on https://127.0.0.1:${sim.kubeletPort}`);
  console.log(
    keep
      ? 'sandbox: --keep: namespaces and nodes stay after exit'
      : 'sandbox: Ctrl-C deletes the namespaces, nodes and events it created',
  );
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    void sim.stop({ keep }).then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

async function main(): Promise<void> {
  const cmd = parseCli(process.argv.slice(2));
  if (cmd === 'help') {
    console.log(USAGE);
    return;
  }
  if (cmd.mode === 'apiserver') return runSimulator(cmd.options, cmd.keep);
  const sandbox = await startSandbox(cmd.options);
  console.log(`sandbox: Kubernetes API at ${sandbox.url}`);
  if (sandbox.kubeconfigPath)
    console.log(`sandbox: kubeconfig ${sandbox.kubeconfigPath} (context "sandbox")`);
  console.log(`sandbox: scenarios ${sandbox.scenarios.join(', ')}`);
  const stop = () => {
    void sandbox.stop().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

if (require.main === module) {
  main().catch((err: unknown) => {
    console.error(`sandbox: ${(err as Error).message}`);
    process.exit(1);
  });
}
