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
  pattern({
    id: 'bad-arguments',
    category: 'bad-command',
    weight: 72,
    re: /flag provided but not defined: (\S+)|unknown (?:command|flag|option|shorthand flag)[:\s]+['"]?([\w-]+)|unrecognized (?:arguments|option)[:\s]+(\S+)|invalid option -- '?(\w)/i,
    title: (s) => `The program rejects its arguments${s ? ` (${q(s)})` : ''}`,
    explanation:
      'The program does not accept the command-line arguments it was given, usually args written for another version of the image.',
    doNext: ['Compare args in the pod spec with the usage text of this image version.'],
  }),
];
