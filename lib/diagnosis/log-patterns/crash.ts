// The process crashed: Go/Rust panics, segmentation faults, illegal instructions, aborts; and
// crashes that come with an upgrade: a CPU baseline the new build requires, on-disk data or
// schema written by another version.
import { pattern, q, titleText, type LogPattern } from './pattern';

// A key as config files spell it (`settlement.batchWindow`, `log_level`, `server[0].port`), quoted
// or not; never a command-line flag (`--verbose` is command.ts's bad-arguments).
// Written so that a long run of word characters is walked once, not once per split point (a
// 4 MiB line must cost what a short one does): start only where a run starts, one greedy run.
const KEY = `(?<![\\w./\\[\\]-])['"\`]?(?=[\\w./\\[\\]-]*[A-Za-z])([\\w./\\[\\]][\\w./\\[\\]-]*)['"\`]?`;

const CODE_BUG =
  'This is a crash in the program itself: read the panic/fault line and the first frame of our code, and fix or pin the previous working image version.';

/** Patterns for crashes and upgrade incompatibilities. */
export const CRASH_PATTERNS: LogPattern[] = [
  pattern({
    id: 'cpu-level-unsupported',
    category: 'crash-after-upgrade',
    weight: 93,
    re: /CPU does not support (x86-64-v\d)|(?:requires|needs) (?:a )?CPU (?:with|that supports) (\S+)|This (?:CPU|processor) (?:does not|doesn't) support (?:the )?(\S+)|(?:AVX2?|SSE4\.2) (?:support )?(?:is )?(?:required|not (?:supported|available|detected))/i,
    title: (s) => `The new build needs a CPU feature this node lacks${s ? ` (${s})` : ''}`,
    explanation:
      'The binaries in this image version were built for a newer CPU baseline than the node offers. This typically appears right after an image upgrade: the previous version ran on the same nodes.',
    doNext: [
      'Run the previous image version, or schedule onto nodes whose CPUs support the feature (or expose the host CPU model to VMs).',
    ],
  }),
  pattern({
    id: 'data-from-other-version',
    category: 'crash-after-upgrade',
    weight: 82,
    re: /database files are incompatible with server|(?:data|database|schema|store|format) (?:version )?(?:was )?(?:created|written) by (?:a )?(?:newer|older|different) version|(?:schema|data|storage|on-disk) version mismatch|unsupported (?:schema|data|storage|config|on-disk) version|(?:migration|migrations?) (?:failed|error|is dirty)|Dirty database version|incompatible (?:schema|data|storage) version/i,
    title: () => 'Stored data or schema is from another version',
    explanation:
      'The new version found data, a schema or a file format written by another version and refused to start. This follows an upgrade (or a downgrade after one).',
    doNext: [
      'Run the migration/upgrade step the release notes require, or return to the version that wrote the data; do not delete the volume.',
    ],
  }),
  pattern({
    id: 'go-nil-pointer',
    category: 'segfault-abort',
    weight: 90,
    re: /invalid memory address or nil pointer dereference/,
    title: () => 'The program panicked on a nil pointer',
    explanation:
      'A Go program dereferenced a nil pointer and the runtime killed it (SIGSEGV). It is a bug in the program, not in the pod.',
    doNext: [CODE_BUG],
  }),
  pattern({
    id: 'illegal-instruction',
    category: 'segfault-abort',
    weight: 88,
    re: /Illegal instruction|SIGILL/,
    title: () => 'Illegal instruction (SIGILL): the binary needs a CPU feature this node lacks',
    explanation:
      'The CPU refused an instruction in the binary: it was built for newer CPUs (e.g. AVX) than this node has, or for another architecture variant.',
    doNext: [
      'Check the node’s CPU flags (lscpu) against the software’s requirements; schedule onto capable nodes or use a compatible build.',
    ],
  }),
  pattern({
    id: 'program-panic',
    category: 'segfault-abort',
    weight: 84,
    re: /^panic: (.+)|thread '[^']*' panicked at|^fatal error: (?!runtime: out of memory)(.+)/,
    title: (s) => `The program panicked${s ? `: ${titleText(s)}` : ''}`,
    explanation:
      'The program hit an unrecoverable error and the runtime stopped it. It is a bug or an unexpected input, not a Kubernetes problem.',
    doNext: [CODE_BUG],
  }),
  pattern({
    id: 'segmentation-fault',
    category: 'segfault-abort',
    weight: 84,
    re: /Segmentation fault|SIGSEGV|segfault at/i,
    title: () => 'Segmentation fault (SIGSEGV)',
    explanation:
      'The process accessed memory it does not own and the kernel killed it: a bug in native code or a library/architecture mismatch.',
    doNext: [CODE_BUG],
  }),
  pattern({
    id: 'process-aborted',
    category: 'segfault-abort',
    weight: 78,
    re: /Aborted \(core dumped\)|SIGABRT|terminate called after throwing|Assertion [`'"].*[`'"] failed|assertion failed|core dumped|SIGBUS|Bus error/i,
    title: () => 'The process aborted',
    explanation:
      'The process aborted itself (a failed assertion, an uncaught C++ exception, or a runtime crash).',
    doNext: [CODE_BUG],
  }),
  pattern({
    id: 'native-crash',
    category: 'segfault-abort',
    weight: 86,
    // .NET, CPython, the JVM (hs_err) and glibc's heap checks.
    re: /AccessViolationException|Fatal Python error: (\w+)|A fatal error has been detected by the Java Runtime Environment|double free or corruption|free\(\): invalid pointer|malloc\(\): [\w ]*corrupt|stack smashing detected|zend_mm_heap corrupted|EXCEPTION_ACCESS_VIOLATION/,
    title: (s) => `The process crashed in native code${s ? ` (${s})` : ''}`,
    explanation:
      'The process corrupted or accessed memory it does not own and the runtime or the C library stopped it: a bug in native code, a native library built for another platform (musl vs glibc, another CPU), or memory corruption.',
    doNext: [CODE_BUG],
  }),
  pattern({
    id: 'unknown-config-key',
    category: 'crash-after-upgrade',
    weight: 80,
    re: new RegExp(
      [
        `(?:unknown|unrecogni[sz]ed|unexpected|unsupported|disallowed|not allowed) (?:config(?:uration)? |settings? )?(?:key|field|option|property|setting|parameter|directive|entry)s?(?: name)?[:\\s]+${KEY}`,
        `field ${KEY} not found in type`,
        `${KEY} (?:is )?not (?:a )?(?:known|recogni[sz]ed|valid|allowed) (?:config(?:uration)? )?(?:key|field|option|property|setting)`,
        `additional propert(?:y|ies) ${KEY} (?:is |are )?not allowed`,
        `extra (?:fields|inputs) (?:are )?not permitted`,
        `UnrecognizedPropertyException`,
      ].join('|'),
      'i',
    ),
    title: (s) =>
      `The config has a key this version of the code does not know${s ? ` (${q(s)})` : ''}`,
    explanation:
      'Strict config parsing rejected a key the code does not recognise: the configuration was written for another version of the program — usually newer code that was never built or never deployed — or the key is misspelled.',
    doNext: [
      'Check which version of the code introduced the key and whether the running image contains it (compare the image digest with the build of that commit); if it does not, build and deploy it, or revert the config change.',
    ],
  }),
  pattern({
    id: 'version-incompatible',
    category: 'crash-after-upgrade',
    weight: 60,
    re: /(?:requires|needs) (?:a )?(?:newer|older|minimum) version of (\S+)|(?:unsupported|incompatible) (?:server |api |client )?version|field ([\w.]+) not found in type|unknown field "([\w.]+)"/i,
    title: (s) => `Version mismatch${s ? ` (${q(s)})` : ''}`,
    explanation:
      'The program found a peer, API or configuration written for another version. This usually follows an upgrade of one side only.',
    doNext: ['Compare the versions on both sides with the release notes of the upgrade.'],
  }),
];
