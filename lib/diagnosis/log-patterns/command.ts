// The container's command cannot run: missing entrypoint, wrong CPU architecture, not executable,
// bad arguments. Messages from runc/containerd ("exec user process caused", "executable file not
// found in $PATH"), shells (`sh: foo: not found`) and argument parsers.
import { pattern, q, type LogPattern } from './pattern';

const FIX_COMMAND =
  'Check the image and the command/args in the pod spec: does the binary exist at that path in this image, for this node architecture?';

/** Patterns for commands that cannot start. */
export const COMMAND_PATTERNS: LogPattern[] = [
  pattern({
    id: 'exec-format-error',
    category: 'bad-command',
    weight: 95,
    re: /exec format error/i,
    title: () => 'The binary is for another CPU architecture (exec format error)',
    explanation:
      'The kernel refused to run the entrypoint: the image was built for a different CPU architecture than the node (e.g. amd64 on arm64), or the script has no valid interpreter line.',
    doNext: [
      'Compare the node architecture (kubectl get node -o wide, label kubernetes.io/arch) with the image platforms; use a multi-arch image or a nodeSelector.',
    ],
  }),
  pattern({
    id: 'command-not-found',
    category: 'bad-command',
    weight: 94,
    re: /exec(?:utable file)?:? "?([^"\s:]+)"?:? executable file not found in \$PATH|executable file not found in \$PATH/i,
    title: (s) => `Command ${q(s)} not found in the image`,
    explanation:
      'The runtime could not find the command named in the pod spec (or the image entrypoint) on $PATH inside the image, so the container never started.',
    doNext: [FIX_COMMAND],
  }),
  pattern({
    id: 'entrypoint-missing',
    category: 'bad-command',
    weight: 93,
    re: /exec(?: user process caused)?:? "?([^":\s]+)"?: (?:stat \S+: )?no such file or directory/i,
    title: (s) => `Entrypoint ${q(s)} does not exist in the image`,
    explanation:
      'The runtime could not start the container process because the file named as its command does not exist in this image (wrong image, wrong path, or a script whose interpreter is missing).',
    doNext: [FIX_COMMAND],
  }),
  pattern({
    id: 'entrypoint-missing',
    category: 'bad-command',
    weight: 88,
    re: /starting container process caused[^\n]*?(?:no such file or directory|not found)/i,
    title: () => 'The container command does not exist in the image',
    explanation:
      'The runtime could not start the container process because its command does not exist in this image.',
    doNext: [FIX_COMMAND],
  }),
  pattern({
    id: 'entrypoint-missing',
    category: 'bad-command',
    weight: 92,
    // tini, dumb-init and shells: `exec /docker-entrypoint.sh failed: No such file or directory`.
    re: /exec ['"]?(\/?[^'"\s:]+)['"]? failed: no such file or directory/i,
    title: (s) => `Entrypoint ${q(s)} does not exist in the image`,
    explanation:
      'The init process could not start the entrypoint because the file does not exist in this image (wrong image, wrong path, or a script whose interpreter is missing).',
    doNext: [FIX_COMMAND],
  }),
  pattern({
    id: 'interpreter-missing',
    category: 'bad-command',
    weight: 90,
    // env(1) in coreutils and busybox: the script's #! interpreter is not in the image.
    re: /\/usr\/bin\/env: ['"‘]?([\w.+-]+)['"’]?: No such file or directory|env: can't execute '([\w.+-]+)': No such file or directory|exec user process caused:? "?no such file or directory|bad interpreter: No such file or directory/,
    title: (s) =>
      s ? `The interpreter ${q(s)} is not in the image` : 'The script’s interpreter is missing',
    explanation:
      'The entrypoint is a script whose #! line names an interpreter that is not in the image (python3 in a slim image, bash in alpine), or the script has Windows line endings so the interpreter name ends in \\r.',
    doNext: [FIX_COMMAND],
  }),
  pattern({
    id: 'entrypoint-missing',
    category: 'bad-command',
    weight: 88,
    // Python, the JVM, PHP, Ruby and .NET: the file the command names is not in the image.
    re: /can't open file '([^']+)': \[Errno 2\]|Unable to access jarfile (\S+)|Could not open input file: (\S+)|No such file or directory -- (\S+) \(LoadError\)|bundler: (?:command not found|failed to load command): (\S+)|The application '([^']+)' does not exist|It was not possible to find any compatible framework version|You must install or update \.NET to run this application/,
    title: (s) => `The command runs ${s ? q(s) : 'a file'}, which is not in the image`,
    explanation:
      'The runtime started, but the script, jar or application the command names is not at that path in the image (a wrong WORKDIR or path, a build step that did not copy it, or a runtime version the image lacks).',
    doNext: [FIX_COMMAND],
  }),
  pattern({
    id: 'module-not-found',
    category: 'bad-command',
    weight: 78,
    // Node, Python and the JVM: the code the command loads is not in the image.
    re: /Cannot find module ['"]([^'"]+)['"]|(?:ModuleNotFoundError|ImportError): No module named ['"]?([\w.]+)|Could not find or load main class ([\w.$]+)|ClassNotFoundException: ([\w.$]+)/,
    title: (s) => `The image lacks ${q(s)}, which the program loads at start`,
    explanation:
      'The program tried to load a module or class that is not in the image: a dependency install step that did not run, files copied to another path, a wrong working directory or entrypoint. Restarting cannot fix it; the image must be rebuilt or the command corrected.',
    doNext: [
      'Check the image build (dependency install, COPY paths, WORKDIR) and the command/args in the pod spec, then roll out a fixed image.',
    ],
  }),
  pattern({
    id: 'not-executable',
    category: 'bad-command',
    weight: 88,
    re: /exec(?: user process caused)?:? "?([^":\s]+)"?: permission denied/i,
    title: (s) => `Entrypoint ${q(s)} is not executable`,
    explanation:
      'The file named as the command exists but the container user may not execute it (missing +x bit, or a noexec mount).',
    doNext: [
      'Check the file mode in the image (chmod +x in the Dockerfile) and the securityContext user.',
    ],
  }),
  pattern({
    id: 'command-not-found',
    category: 'bad-command',
    weight: 85,
    re: /(?:^|\s)(?:\/bin\/)?(?:ba|da|a)?sh:\s+(?:line \d+:\s+|\d+:\s+)?([^:]+?):\s+(?:command )?not found/,
    title: (s) => `Shell command ${q(s)} not found`,
    explanation:
      'A shell in the container tried to run a command that does not exist in the image (exit code 127).',
    doNext: [FIX_COMMAND],
  }),
  pattern({
    id: 'command-not-found',
    category: 'bad-command',
    weight: 80,
    re: /^(?:\S+:\s+)?([\w./-]+):\s+command not found/,
    title: (s) => `Command ${q(s)} not found`,
    explanation: 'A command the container runs does not exist in the image (exit code 127).',
    doNext: [FIX_COMMAND],
  }),
  pattern({
    id: 'oci-runtime-error',
    category: 'bad-command',
    weight: 70,
    re: /OCI runtime (?:create|start|exec) failed|failed to (?:create|start) (?:containerd )?task|Error response from daemon: (?:OCI|failed to create shim)/i,
    title: () => 'The runtime could not start the container process',
    explanation:
      'The container runtime failed to create or start the process (StartError, exit 128); the rest of the message says why.',
    doNext: [FIX_COMMAND],
  }),
];
