// Configuration that is missing, empty or wrong, as each runtime and each config/env validation
// library reports it (their documentation's wordings, not one product's): Spring Boot's failure
// analyzers, pydantic/pydantic-settings, envalid, go-playground/validator, .NET's
// ArgumentNullException/OptionsValidationException, Rust's std::env::VarError, Ruby's
// ENV.fetch KeyError, POSIX shells' ${VAR:?} and `set -u`, Node's ERR_INVALID_URL, Go's
// net/url and net dial errors for an empty host, DSN parsers, config-file directive errors.
import { pattern, q, type LogPattern } from './pattern';

const CHECK_SPEC =
  'Compare the pod spec (env, envFrom, the ConfigMap/Secret it references) with what this version of the app reads, then set the missing value and roll forward.';
const CHECK_VALUE =
  'Find where the value comes from (env, envFrom, a mounted ConfigMap/Secret, Kubernetes service links for a Service named like the app) and correct it; `kubectl exec` or `kubectl set env --list` shows what the container really gets.';
const EMPTY =
  'A setting the program needs is present but empty (or absent): typically an env var taken from a ConfigMap/Secret key that is blank, a variable renamed on one side only, or a template that rendered nothing.';
const ENV = '([A-Z][A-Z0-9_]{2,})';

/** Patterns for configuration that is absent, empty or has a value the program rejects. */
export const CONFIG_VALIDATION_PATTERNS: LogPattern[] = [
  pattern({
    id: 'missing-env-var',
    category: 'missing-config',
    weight: 90,
    // bash/dash/busybox for ${VAR:?}, ${VAR?} and `set -u`.
    re: new RegExp(`${ENV}: (?:parameter (?:null or )?not set|unbound variable)`),
    title: (s) => `Missing environment variable ${q(s)}`,
    explanation:
      'The container’s shell script requires this variable (`${VAR:?}` or `set -u`) and it is unset or empty, so the script stops before starting the program.',
    doNext: [CHECK_SPEC],
  }),
  pattern({
    id: 'missing-env-var',
    category: 'missing-config',
    weight: 90,
    // Ruby ENV.fetch, Python os.environ[...] via a KeyError that names an UPPER_SNAKE key.
    re: new RegExp(`key not found: ["']${ENV}["']|KeyError: ["']${ENV}["']`),
    title: (s) => `Missing environment variable ${q(s)}`,
    explanation:
      'The program looked the variable up without a default (ENV.fetch, os.environ[...]) and it is not set in the container.',
    doNext: [CHECK_SPEC],
  }),
  pattern({
    id: 'missing-env-var',
    category: 'missing-config',
    weight: 90,
    re: /called `(?:Result|Option)::(?:unwrap|expect)\(\)` on an `Err` value: NotPresent|environment variable not found/,
    title: () => 'A required environment variable is not set (Rust std::env::var)',
    explanation:
      'The program read an environment variable with std::env::var and unwrapped the result; the variable is not set in the container (VarError::NotPresent), so it panicked at start.',
    doNext: [CHECK_SPEC],
  }),
  pattern({
    id: 'missing-env-var',
    category: 'missing-config',
    weight: 88,
    // envalid lists each missing variable as `NAME: undefined` under its header.
    re: new RegExp(`^\\s*${ENV}: (?:undefined|""|'')\\s*$`),
    after: /(?:Missing|Invalid) environment variables|={8,}/,
    title: (s) => `Missing environment variable ${q(s)}`,
    explanation:
      'The program validates its environment at start (envalid) and this variable is missing or empty.',
    doNext: [CHECK_SPEC],
  }),
  pattern({
    id: 'config-validation-failed',
    category: 'missing-config',
    weight: 84,
    re: /(?:Missing|Invalid) environment variables?:|\d+ validation errors? for (\w*(?:Settings|Config|Configuration|Env|Environment)\w*)|Field required \[type=missing|field required \(type=value_error\.missing\)|Error:Field validation for '(\w+)' failed on the 'required' tag|OptionsValidationException|The (\w+) field is required|Failed to configure a DataSource: '(\w+)' attribute is not specified|required a bean of type '[\w.]+' that could not be found|Failed to bind properties under '([\w.[\]-]+)'|Could not resolve placeholder '([\w.-]+)'/,
    title: (s) =>
      `The program's configuration check failed${s ? ` (${q(s)})` : ''}: a setting is missing or invalid`,
    explanation:
      'The program validates its settings at start-up and one is missing or has a value of the wrong type. The lines around this one name the setting.',
    doNext: [CHECK_SPEC, CHECK_VALUE],
  }),
  pattern({
    id: 'config-value-empty',
    category: 'missing-config',
    weight: 84,
    re: /(?<![\w.[\]-])([\w.[\]-]+)['"`]? (?:must not|cannot|can't|may not|should not) be (?:empty|blank|null|nil)|(?:empty|blank) (?:value for|host(?:name)?|url|uri|dsn|connection string|address)(?: ([\w.-]+))?|Value cannot be null\. \(Parameter '(\w*(?:[Cc]onnection|[Ss]tring|[Uu]rl|[Uu]ri|[Hh]ost|[Kk]ey|[Ss]ecret|[Tt]oken|[Pp]assword|[Cc]onfig|[Oo]ptions|[Ss]etting)\w*)'\)|ConnectionString property has not been initialized|parse "": empty url|dial tcp: missing address|dial tcp :\d+:|getaddrinfo ENOTFOUND undefined\b|connect ECONNREFUSED (?:undefined|null):/,
    title: (s) => `A setting is empty${s ? `: ${q(s)}` : ''}`,
    explanation: EMPTY,
    doNext: [CHECK_VALUE, CHECK_SPEC],
  }),
  pattern({
    id: 'config-value-empty',
    category: 'missing-config',
    weight: 82,
    re: /^\s*input: ''/,
    after: /ERR_INVALID_URL|Invalid URL/,
    title: () => 'A URL setting is empty',
    explanation: `${EMPTY} Node's URL parser got an empty string (ERR_INVALID_URL, input: '').`,
    doNext: [CHECK_VALUE, CHECK_SPEC],
  }),
  pattern({
    id: 'config-value-invalid',
    category: 'missing-config',
    weight: 80,
    re: /cannot parse [`'"]?([^`'"\s]*)[`'"]?: failed to parse as (?:DSN|URL|keyword\/value)|invalid (?:dsn|connection string|database url)|ERR_INVALID_URL|TypeError: Invalid URL|FATAL CONFIG FILE ERROR|Bad directive or wrong number of arguments|argument couldn't be parsed into an? \w+|invalid value (?:for|of) (?:setting|option|parameter|key|flag|field) ['"`]?([\w.-]+)|invalid (?:port|address|duration|boolean|integer) ['"`]?([^'"`\s]*)|(?:licen[cs]e|evaluation period|trial)(?: key)? (?:has )?(?:expired|is invalid|not found)/i,
    title: (s) => `A configuration value is wrong or malformed${s ? ` (${q(s)})` : ''}`,
    explanation:
      'The program read a configuration value it cannot use (a connection string, URL, port or directive with the wrong form, often a variable name or a service-link value where a real value was expected), or a licence/edition setting it requires, and stopped at start-up.',
    doNext: [CHECK_VALUE],
  }),
];
