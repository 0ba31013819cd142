// Container exit codes: POSIX shell conventions (126/127), the runtimes' start failure (128,
// containerd errorStartExitCode, "same with Docker's behavior") and 128+N for signal N. The
// terminated.reason wins over the code: containerd sets OOMKilled on any OOM kill in the cgroup,
// even when the main process exited 1 (kubernetes-semantics.md §2.3, §4).

/** The broad class of an exit, used by detectors. */
export type ExitKind =
  | 'success'
  | 'app-error'
  | 'usage-error'
  | 'not-executable'
  | 'command-not-found'
  | 'start-error'
  | 'oom-killed'
  | 'signal'
  | 'out-of-range'
  | 'lost';

/** A decoded exit: what the number and reason mean in words. */
export interface ExitMeaning {
  code: number;
  kind: ExitKind;
  /** Signal name when the code is 128+N (or the signal field is set), e.g. `SIGKILL`. */
  signal?: string;
  /** Short label for a timeline, e.g. `SIGKILL`, `app error`. */
  short: string;
  /** One sentence in plain words. */
  meaning: string;
}

const SIGNALS: Record<number, string> = {
  1: 'SIGHUP',
  2: 'SIGINT',
  3: 'SIGQUIT',
  4: 'SIGILL',
  5: 'SIGTRAP',
  6: 'SIGABRT',
  7: 'SIGBUS',
  8: 'SIGFPE',
  9: 'SIGKILL',
  10: 'SIGUSR1',
  11: 'SIGSEGV',
  12: 'SIGUSR2',
  13: 'SIGPIPE',
  14: 'SIGALRM',
  15: 'SIGTERM',
};

const SIGNAL_MEANING: Record<string, string> = {
  SIGINT: 'interrupted (SIGINT), as by Ctrl-C',
  SIGILL:
    'illegal instruction (SIGILL): the binary uses a CPU feature this node lacks, or is corrupt',
  SIGABRT:
    'aborted (SIGABRT): the process called abort(), e.g. a failed assertion or a runtime crash',
  SIGBUS: 'bus error (SIGBUS): bad memory access, often a truncated mmap or full /dev/shm',
  SIGFPE: 'arithmetic error (SIGFPE), e.g. division by zero',
  SIGKILL: 'killed with SIGKILL: an OOM kill, or the kubelet/runtime/node killing it',
  SIGSEGV: 'segmentation fault (SIGSEGV): the process read or wrote memory it does not own',
  SIGTERM:
    'stopped with SIGTERM: asked to stop (liveness failure, deletion, node drain) and exited',
  SIGPIPE: 'broken pipe (SIGPIPE): wrote to a closed pipe or socket',
};

const PLAIN: Record<number, Omit<ExitMeaning, 'code'>> = {
  0: { kind: 'success', short: 'completed', meaning: 'exited successfully (0)' },
  1: { kind: 'app-error', short: 'app error', meaning: 'the application exited with an error (1)' },
  2: {
    kind: 'usage-error',
    short: 'usage error',
    meaning: 'misuse: a bad command-line argument or shell builtin (2)',
  },
  126: {
    kind: 'not-executable',
    short: 'not executable',
    meaning: 'the command was found but could not be executed (126): permissions or wrong format',
  },
  127: {
    kind: 'command-not-found',
    short: 'command not found',
    meaning: 'command not found (127): the entrypoint or a command it runs does not exist',
  },
  128: {
    kind: 'start-error',
    short: 'start error',
    meaning: 'the runtime could not start the process (128): bad command, missing binary or mount',
  },
  255: {
    kind: 'out-of-range',
    short: 'exit 255',
    meaning: 'exit status 255: exit(-1) or an out-of-range code, usually a fatal application error',
  },
};

function byReason(code: number, reason: string | undefined): ExitMeaning | undefined {
  if (reason === 'OOMKilled') {
    const detail = code === 137 ? '' : ` (exit ${code}: a child process was OOM-killed)`;
    return {
      code,
      kind: 'oom-killed',
      signal: code === 137 ? 'SIGKILL' : undefined,
      short: 'OOMKilled',
      meaning: `killed by the kernel OOM killer${detail}`,
    };
  }
  if (reason === 'StartError' || reason === 'ContainerCannotRun') {
    return { ...(PLAIN[128] as Omit<ExitMeaning, 'code'>), code, short: reason };
  }
  if (reason === 'ContainerStatusUnknown') {
    return {
      code,
      kind: 'lost',
      short: 'status unknown',
      meaning: 'the container vanished from the runtime; its real exit is unknown',
    };
  }
  return undefined;
}

/** Decodes an exit code (with the optional signal and terminated.reason) into plain words. */
export function decodeExitCode(code: number, signal?: number, reason?: string): ExitMeaning {
  const fromReason = byReason(code, reason);
  if (fromReason) return fromReason;
  const signo = signal && signal > 0 ? signal : code > 128 && code < 160 ? code - 128 : undefined;
  if (signo !== undefined && code !== 255) {
    const name = SIGNALS[signo] ?? `signal ${signo}`;
    const meaning = SIGNAL_MEANING[name] ?? `killed by ${name}`;
    return { code, kind: 'signal', signal: name, short: name, meaning: `${meaning} (${code})` };
  }
  const plain = PLAIN[code];
  if (plain) return { ...plain, code };
  return {
    code,
    kind: 'app-error',
    short: `exit ${code}`,
    meaning: `the application exited with status ${code}`,
  };
}
