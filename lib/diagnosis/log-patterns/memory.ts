// Memory exhaustion seen from inside the process: JVM and Node heap limits, Go/C++/Python
// allocation failures, and shells reporting a child killed by SIGKILL.
import { pattern, type LogPattern } from './pattern';

const HEAP_NEXT =
  'Size the heap to fit the container limit (JVM: -XX:MaxRAMPercentage or -Xmx below the limit; Node: --max-old-space-size), then look for a leak if usage keeps growing.';

/** Patterns for memory exhaustion in the log. */
export const MEMORY_PATTERNS: LogPattern[] = [
  pattern({
    id: 'jvm-heap-exhausted',
    category: 'oom-killed',
    weight: 92,
    re: /java\.lang\.OutOfMemoryError(?::\s*(.+))?/,
    title: (s) => `The JVM ran out of memory${s ? ` (${s.trim()})` : ''}`,
    explanation:
      'The Java heap (or metaspace/direct memory) was exhausted. This is the JVM’s own limit, not necessarily a kernel OOM kill: the heap is too small for the work, or something leaks.',
    doNext: [HEAP_NEXT],
  }),
  pattern({
    id: 'node-heap-exhausted',
    category: 'oom-killed',
    weight: 92,
    re: /JavaScript heap out of memory|Allocation failed - JavaScript heap|Reached heap limit/,
    title: () => 'Node.js ran out of heap',
    explanation:
      'V8 hit its heap limit and aborted. Node sizes its heap independently of the container limit unless told (--max-old-space-size).',
    doNext: [HEAP_NEXT],
  }),
  pattern({
    id: 'process-out-of-memory',
    category: 'oom-killed',
    weight: 88,
    re: /fatal error: runtime: out of memory|^MemoryError\b|std::bad_alloc|Cannot allocate memory|ENOMEM|out of memory: Killed process|Out of memory: Kill(?:ed)? process/i,
    title: () => 'The process ran out of memory',
    explanation:
      'An allocation failed or the kernel killed the process for memory. The working set does not fit the memory available to the container.',
    doNext: [HEAP_NEXT],
  }),
  pattern({
    id: 'runtime-out-of-memory',
    category: 'oom-killed',
    weight: 90,
    // .NET, Ruby, PHP, Rust (std alloc), the JVM's native allocation failure.
    re: /System\.OutOfMemoryException|NoMemoryError|failed to allocate memory|Allowed memory size of (\d+) bytes exhausted|memory allocation of (\d+) bytes failed|insufficient memory for the Java Runtime Environment|OutOfMemoryError/,
    title: () => 'The process ran out of memory',
    explanation:
      'The runtime could not allocate memory: the process needs more than its heap setting or the container limit allows (PHP: memory_limit; .NET/JVM: heap limits derived from the container limit), or it leaks.',
    doNext: [HEAP_NEXT],
  }),
  pattern({
    id: 'child-killed',
    category: 'oom-killed',
    weight: 50,
    re: /(?:line \d+:\s+)?\d+\s+Killed\s+\S|^Killed$/,
    title: () => 'A process was killed with SIGKILL (usually the OOM killer)',
    explanation:
      'The shell reports a child killed by SIGKILL. Inside a container that is most often the kernel OOM killer at the memory limit.',
    doNext: ['Compare memory usage with the limit (kubectl top pod, lastState.terminated.reason).'],
  }),
];
