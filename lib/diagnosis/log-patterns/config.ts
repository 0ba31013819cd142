// Missing configuration: environment variables, config keys and config files the program expects.
import { ci, pattern, q, type LogPattern } from './pattern';

const ENV = '([A-Z][A-Z0-9_]{2,})';
const ENV_WORD = `(?:${ci('env')}(?:${ci('ironment')})?(?:[ _]?${ci('var')}(?:${ci('iable')})?s?)?)`;
const ABSENT = ci(
  '(?:is |was )?(?:not (?:set|defined|provided|found|present)|missing|required|empty|undefined|unset|must be (?:set|provided|defined))',
);
const CHECK_SPEC =
  'Compare the pod spec (env, envFrom, the ConfigMap/Secret it references) with what this version of the app reads, then set the missing value and roll forward.';

// A configuration or certificate file path, captured.
// Anchored at the start of a run of path characters so a long run is walked once.
const CONFIG_PATH = String.raw`(?<![\w./-])([\w./-]*\.(?:ya?ml|json|toml|conf|cfg|ini|properties|env|pem|crt|key|xml))\b`;

// What every "missing file at a named path" line means, whichever side of the error the path is on.
const MISSING_FILE: Omit<LogPattern, 're'> = {
  id: 'missing-config-file',
  category: 'missing-config',
  weight: 80,
  title: (s) => `Missing file ${q(s)}`,
  explanation:
    'The program could not find a configuration or certificate file it needs; usually a ConfigMap/Secret volume is not mounted where the program looks, or the key name differs.',
  doNext: ['Check volumeMounts and the ConfigMap/Secret keys against the path the program opens.'],
};

/** Patterns for missing environment variables, config keys and config files. */
export const CONFIG_PATTERNS: LogPattern[] = [
  pattern({
    id: 'missing-env-var',
    category: 'missing-config',
    weight: 92,
    re: new RegExp(`${ENV_WORD}\\s*[:=]?\\s*[\`'"]?${ENV}[\`'"]?\\s+${ABSENT}`),
    title: (s) => `Missing environment variable ${q(s)}`,
    explanation:
      'The program stopped at startup because an environment variable it requires is not set (or is empty) in the container.',
    doNext: [CHECK_SPEC],
  }),
  pattern({
    id: 'missing-env-var',
    category: 'missing-config',
    weight: 92,
    re: new RegExp(
      `${ci('(?:missing|required|undefined|unset|no)')}\\s+(?:${ci('(?:required|mandatory) ')})?${ENV_WORD}\\s*[:=]?\\s*[\`'"]?${ENV}\\b`,
    ),
    title: (s) => `Missing environment variable ${q(s)}`,
    explanation:
      'The program stopped at startup because an environment variable it requires is not set in the container.',
    doNext: [CHECK_SPEC],
  }),
  pattern({
    id: 'missing-env-var',
    category: 'missing-config',
    weight: 88,
    re: new RegExp(
      `(?:^|[\\s"'\`:])${ENV}[\`'"]?\\s+(?:env(?:ironment)? var(?:iable)? )?(?:is |was )?(?:not set|must be (?:set|provided|defined)|is required|required but (?:not set|missing)|is missing|is empty|not defined)`,
    ),
    title: (s) => `Missing environment variable ${q(s)}`,
    explanation:
      'The program stopped at startup because an environment variable it requires is not set in the container.',
    doNext: [CHECK_SPEC],
  }),
  pattern({
    id: 'missing-env-var',
    category: 'missing-config',
    weight: 86,
    re: new RegExp(`required key ${ENV} missing value`),
    title: (s) => `Missing environment variable ${q(s)}`,
    explanation:
      'The program reads its settings from the environment and a required variable is not set.',
    doNext: [CHECK_SPEC],
  }),
  pattern({
    id: 'missing-env-var',
    category: 'missing-config',
    weight: 84,
    re: new RegExp(`^KeyError: ['"]${ENV}['"]`),
    title: (s) => `Missing environment variable ${q(s)}`,
    explanation:
      'A Python program looked the variable up with os.environ[...] and it is not set, so it raised KeyError and exited.',
    doNext: [CHECK_SPEC],
    accept: (line) => /KeyError/.test(line),
  }),
  pattern({
    id: 'missing-config-key',
    category: 'missing-config',
    weight: 78,
    re: /(?:Could not resolve placeholder|missing (?:required )?(?:config(?:uration)?|setting|option|field|property|parameter|key))\s*[:'"`]?\s*['"`]?([\w.\-/]+)|\bMissing [`'"]([\w.-]+)[`'"]/i,
    title: (s) => `Missing configuration value ${q(s)}`,
    explanation:
      'The program needs a configuration value that the supplied configuration does not contain.',
    doNext: [CHECK_SPEC],
  }),
  pattern({
    id: 'missing-config-key',
    category: 'missing-config',
    weight: 72,
    re: /(?:config(?:uration)?|setting|option|property|parameter)\s+['"`]?([\w.\-/]+)['"`]?\s+(?:is\s+)?(?:required|missing|not (?:set|found|provided|defined|specified))/i,
    title: (s) => `Missing configuration value ${q(s)}`,
    explanation:
      'The program needs a configuration value that the supplied configuration does not contain.',
    doNext: [CHECK_SPEC],
  }),
  pattern({
    ...MISSING_FILE,
    re: new RegExp(
      `${CONFIG_PATH}['"\`]?[^\\n]{0,40}?(?:no such file or directory|not found|does not exist|cannot (?:be )?(?:opened|found|read)|ENOENT)`,
      'i',
    ),
  }),
  pattern({
    ...MISSING_FILE,
    // Node's `ENOENT: no such file or directory, open '/config/app.json'` puts the path last.
    re: new RegExp(`(?:ENOENT|no such file or directory)[^\\n]{0,40}?['"\`]?${CONFIG_PATH}`, 'i'),
  }),
  pattern({
    ...MISSING_FILE,
    // .NET names the file after the words, in quotes.
    re: new RegExp(
      `(?:Could not find (?:file|a part of the path)|FileNotFoundException)[^\\n]{0,40}?['"\`]${CONFIG_PATH}`,
      'i',
    ),
  }),
  pattern({
    ...MISSING_FILE,
    weight: 78,
    // A mounted Secret/ConfigMap or service-account file without an extension (a token, a key).
    re: /(?:ENOENT|no such file or directory|Could not find file)[^\n]{0,40}?['"`]?((?:\/[\w.-]+)*\/(?:secrets?|config|conf|certs?|credentials|serviceaccount|tls|keys?)\/[\w./-]+)|open ((?:\/[\w.-]+)*\/(?:secrets?|config|conf|certs?|credentials|serviceaccount|tls|keys?)\/[\w./-]+): no such file or directory/i,
  }),
  pattern({
    id: 'missing-config-key',
    category: 'missing-config',
    weight: 76,
    // A dotted settings key (spring.jpa.x, database.url) said to be required.
    re: /(?<![\w.-])([a-z][\w-]*(?:\.[\w-]+)+)['"`]? (?:must be (?:set|specified|provided|configured)|is required|is not (?:set|configured)|is missing)/,
    title: (s) => `Missing configuration value ${q(s)}`,
    explanation:
      'The program needs a configuration value that the supplied configuration does not contain.',
    doNext: [CHECK_SPEC],
  }),
  pattern({
    id: 'missing-config-file',
    category: 'missing-config',
    weight: 74,
    re: /(?:config(?:uration)? file|certificate|keystore|credentials? file)[^\n]{0,60}?(?:no such file or directory|not found|does not exist|missing|ENOENT)/i,
    title: () => 'Missing configuration file',
    explanation:
      'The program could not find a configuration or certificate file it needs; usually a volume is not mounted where the program looks.',
    doNext: [
      'Check volumeMounts and the ConfigMap/Secret keys against the path the program opens.',
    ],
  }),
];
