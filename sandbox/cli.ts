/**
 * `npm run sandbox -- --port 6443 --kubeconfig PATH --scenario NAME|all --speed F --history 30m`
 * Starts the sandbox cluster, prints its URL and kubeconfig, and runs until SIGINT/SIGTERM.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { SCENARIOS, startSandbox, type SandboxOptions } from './index';

const USAGE = `usage: npm run sandbox -- [--port N] [--host H] [--kubeconfig PATH] [--scenario NAME|all]...
                        [--speed F] [--history 30m] [--token T] [--seed N] [--event-ttl 1h]
                        [--tls-cert cert.pem --tls-key key.pem]
                        [--pods N --namespaces N --nodes N]   (scale mode: a large cluster)
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

function parseArgs(argv: string[]): SandboxOptions {
  const opts: SandboxOptions = { port: 6443, kubeconfigPath: path.resolve('.sandbox/kubeconfig') };
  const scenarios: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    const [flag, inline] = arg.includes('=')
      ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)]
      : [arg, undefined];
    const value = () => {
      const v = inline ?? argv[++i];
      if (v === undefined) throw new Error(`${flag} needs a value`);
      return v;
    };
    switch (flag) {
      case '--port':
        opts.port = Number(value());
        break;
      case '--host':
        opts.host = value();
        break;
      case '--kubeconfig':
        opts.kubeconfigPath = path.resolve(value());
        break;
      case '--scenario':
      case '--scenarios':
        scenarios.push(...value().split(','));
        break;
      case '--speed':
        opts.speed = Number(value());
        break;
      case '--history':
        opts.historyMs = parseDuration(value());
        break;
      case '--event-ttl':
        opts.eventTtlMs = parseDuration(value());
        break;
      case '--token':
        opts.token = value();
        break;
      case '--tls-cert':
        opts.tls = { cert: readFileSync(value(), 'utf8'), key: opts.tls?.key ?? '' };
        break;
      case '--tls-key':
        opts.tls = { cert: opts.tls?.cert ?? '', key: readFileSync(value(), 'utf8') };
        break;
      case '--pods':
      case '--namespaces':
      case '--nodes': {
        const n = Number(value());
        if (!Number.isInteger(n) || n < 1) throw new Error(`${flag} must be a positive integer`);
        opts.scale = {
          pods: 10_000,
          namespaces: 200,
          nodes: 500,
          ...opts.scale,
          [flag.slice(2)]: n,
        };
        break;
      }
      case '--seed':
        opts.seed = Number(value());
        break;
      case '--help':
      case '-h':
        console.log(USAGE);
        process.exit(0);
        break;
      default:
        throw new Error(`unknown option "${arg}"\n${USAGE}`);
    }
  }
  if (scenarios.length && !scenarios.includes('all')) opts.scenarios = scenarios;
  if (!(Number.isFinite(opts.speed ?? 1) && (opts.speed ?? 1) > 0))
    throw new Error('--speed must be a positive number');
  return opts;
}

async function main(): Promise<void> {
  const sandbox = await startSandbox(parseArgs(process.argv.slice(2)));
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
