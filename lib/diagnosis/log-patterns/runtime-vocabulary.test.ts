// Each runtime words the same cause its own way: one line per runtime and cause class, in the
// form the runtime's own documentation gives, read into the same category.
import { describe, expect, it } from 'vitest';
import { diagnoseLogText, scanLogText } from '../log-signals';

function verdict(text: string) {
  const d = diagnoseLogText(text);
  return { category: d.category, id: d.decisive?.id, subject: d.decisive?.subject };
}

describe('missing or empty configuration, per runtime and validation library', () => {
  it.each([
    ['bash ${VAR:?}', '/entrypoint.sh: line 7: DB_HOST: parameter null or not set', 'DB_HOST'],
    ['bash set -u', './run.sh: line 3: API_TOKEN: unbound variable', 'API_TOKEN'],
    [
      'Ruby ENV.fetch',
      'config.rb:3:in `fetch\': key not found: "STRIPE_KEY" (KeyError)',
      'STRIPE_KEY',
    ],
    ['Rust env::var', 'called `Result::unwrap()` on an `Err` value: NotPresent', undefined],
  ])('reads %s as a missing environment variable', (_, line, subject) => {
    expect(verdict(line)).toMatchObject({
      category: 'missing-config',
      id: 'missing-env-var',
      subject,
    });
  });

  it('reads envalid’s list of missing variables', () => {
    const log = [
      '================================',
      ' Missing environment variables:',
      '    SMTP_URL: undefined',
    ].join('\n');
    expect(verdict(log)).toMatchObject({ id: 'missing-env-var', subject: 'SMTP_URL' });
  });

  it.each([
    ['pydantic v2', 'redis_url\n  Field required [type=missing, input_value={}, input_type=dict]'],
    ['pydantic v1', 'db_url\n  field required (type=value_error.missing)'],
    [
      'go-playground/validator',
      "Key: 'Config.Database.Host' Error:Field validation for 'Host' failed on the 'required' tag",
    ],
    [
      'Spring Boot datasource',
      "Failed to configure a DataSource: 'url' attribute is not specified and no embedded datasource could be configured.",
    ],
    ['Spring Boot binding', "Failed to bind properties under 'server.port' to java.lang.Integer:"],
    [
      '.NET options validation',
      'Microsoft.Extensions.Options.OptionsValidationException: The ApiKey field is required.',
    ],
  ])('reads a %s report as a configuration check that failed', (_, log) => {
    expect(verdict(log)).toMatchObject({
      category: 'missing-config',
      id: 'config-validation-failed',
    });
  });

  it.each([
    [
      'a Go validation message',
      'level=fatal msg="invalid configuration" error="database.host must not be empty"',
    ],
    [
      '.NET ArgumentNullException',
      "System.ArgumentNullException: Value cannot be null. (Parameter 'connectionString')",
    ],
    ['Go net/url', 'parse "": empty url'],
    ['a Go dial with an empty host', 'dial tcp :5432: connect: connection refused'],
    [
      "Node's URL parser",
      "TypeError: Invalid URL\n    at new URL (node:internal/url:816:29) {\n  code: 'ERR_INVALID_URL',\n  input: ''\n}",
    ],
  ])('reads %s as a setting that is empty', (_, log) => {
    expect(verdict(log)).toMatchObject({ category: 'missing-config', id: 'config-value-empty' });
  });

  it.each([
    [
      'a DSN the driver cannot parse',
      'error connecting with postgres: cannot parse `DB_URL`: failed to parse as DSN (invalid dsn)',
    ],
    ['a config file directive', '*** FATAL CONFIG FILE ERROR (Redis 7.2.4) ***'],
  ])('reads %s as a wrong configuration value', (_, log) => {
    expect(verdict(log)).toMatchObject({ category: 'missing-config', id: 'config-value-invalid' });
  });
});

describe('a rejected credential is not an unreachable dependency', () => {
  it.each([
    ['PostgreSQL', 'FATAL:  password authentication failed for user "orders"', 'orders'],
    [
      'MySQL',
      "SQLSTATE[HY000] [1045] Access denied for user 'shop'@'10.42.1.17' (using password: YES)",
      'shop',
    ],
    ['SQL Server', "Login failed for user 'sa'.", 'sa'],
    ['Redis', 'ReplyError: NOAUTH Authentication required.', undefined],
    [
      'RabbitMQ',
      'ACCESS_REFUSED - Login was refused using authentication mechanism PLAIN',
      undefined,
    ],
    [
      'Kafka',
      'org.apache.kafka.common.errors.SaslAuthenticationException: Authentication failed',
      undefined,
    ],
  ])('reads %s’s refusal as a credential problem', (_, line, subject) => {
    expect(verdict(line)).toMatchObject({
      category: 'missing-config',
      id: 'credential-rejected',
      subject,
    });
  });

  it('keeps connection refused and DNS failures as the dependency', () => {
    expect(verdict('SQLSTATE[HY000] [2002] Connection refused').category).toBe(
      'dependency-unavailable',
    );
    expect(
      verdict("nslookup: can't resolve 'postgres-primary.db.svc.cluster.local'"),
    ).toMatchObject({
      id: 'dependency-dns-failure',
      subject: 'postgres-primary.db.svc.cluster.local',
    });
    expect(
      verdict('nginx: [emerg] host not found in upstream "api:8080" in /etc/nginx/nginx.conf:21')
        .subject,
    ).toBe('api:8080');
  });

  it('leaves a registry refusing a pull to the image-pull pattern', () => {
    const line =
      'Failed to pull image ": rpc error: code = Unknown desc = unauthorized: authentication required';
    expect(verdict(line).category).toBe('image-pull');
  });
});

describe('crashes that come with an upgrade, from one side of it', () => {
  it.each([
    [
      'Rails',
      'ActiveRecord::PendingMigrationError: Migrations are pending.',
      'migrations-out-of-step',
    ],
    [
      'Flyway',
      'FlywayValidateException: Validate failed: Migrations have failed validation',
      'migrations-out-of-step',
    ],
    ['Alembic', "Can't locate revision identified by 'ae1027a6acf'", 'migrations-out-of-step'],
    [
      'Django on PostgreSQL',
      'django.db.utils.ProgrammingError: column accounts_user.tenant_id does not exist',
      'schema-behind-code',
    ],
    ['MySQL', "Table 'shop.orders_v2' doesn't exist", 'schema-behind-code'],
    [
      'PostgreSQL data files',
      'DETAIL:  The data directory was initialized by PostgreSQL version 13, which is not compatible with this version 16.2.',
      'data-from-other-version',
    ],
    ['Go flag', 'flag provided but not defined: -zap-level', 'flag-rejected'],
    ['cobra', 'Error: unknown flag: --storage.retention', 'flag-rejected'],
    [
      'serde config',
      'Error: failed to parse /etc/app/config.toml: missing field `listener`',
      'config-format-changed',
    ],
  ])('reads %s as crash-after-upgrade', (_, line, id) => {
    expect(verdict(line)).toMatchObject({ category: 'crash-after-upgrade', id });
  });

  it('reads a program that prints its usage as started without a command it accepts', () => {
    const log =
      'Usage:\n\nkc.sh [OPTIONS] [COMMAND]\n\nUse this command-line tool to manage the server.';
    expect(verdict(log)).toMatchObject({ category: 'crash-after-upgrade', id: 'printed-usage' });
  });
});

describe('memory, native crashes, missing files and permissions per runtime', () => {
  it.each([
    [
      '.NET',
      "System.OutOfMemoryException: Exception of type 'System.OutOfMemoryException' was thrown.",
    ],
    ['Ruby', "report.rb:41:in `map': failed to allocate memory (NoMemoryError)"],
    [
      'PHP',
      'PHP Fatal error:  Allowed memory size of 134217728 bytes exhausted (tried to allocate 20480 bytes)',
    ],
    ['Rust', 'memory allocation of 8589934592 bytes failed'],
  ])('reads %s running out of memory', (_, line) => {
    expect(verdict(line).category).toBe('oom-killed');
  });

  it.each([
    [
      '.NET',
      'Fatal error. System.AccessViolationException: Attempted to read or write protected memory.',
    ],
    ['CPython', 'Fatal Python error: Segmentation fault'],
    ['glibc', 'double free or corruption (out)'],
  ])('reads a %s native crash', (_, line) => {
    expect(verdict(line).category).toBe('segfault-abort');
  });

  it.each([
    ['env(1)', "/usr/bin/env: 'python3': No such file or directory", 'interpreter-missing'],
    [
      'Python',
      "python: can't open file '/app/manage.py': [Errno 2] No such file or directory",
      'entrypoint-missing',
    ],
    ['the JVM', 'Error: Unable to access jarfile /app/service.jar', 'entrypoint-missing'],
    ['PHP', 'Could not open input file: artisan', 'entrypoint-missing'],
  ])('reads %s not finding what the command runs', (_, line, id) => {
    expect(verdict(line)).toMatchObject({ category: 'bad-command', id });
  });

  it.each([
    ['the JVM', 'java.nio.file.AccessDeniedException: /usr/share/opensearch/data/nodes'],
    ['.NET', "System.UnauthorizedAccessException: Access to the path '/data/keys' is denied."],
  ])('reads %s being denied a path', (_, line) => {
    expect(verdict(line)).toMatchObject({ category: 'permission', id: 'permission-denied' });
  });

  it('reads a database recovering at start-up as killed mid-recovery', () => {
    const log = 'LOG:  database system was not properly shut down; automatic recovery in progress';
    expect(verdict(log)).toMatchObject({
      category: 'probe-failure',
      id: 'killed-while-recovering',
    });
  });

  it('reads the kubelet refusing a root image under runAsNonRoot', () => {
    const line =
      'Error: container has runAsNonRoot and image has non-numeric user (app), cannot verify user is non-root';
    expect(verdict(line)).toMatchObject({ category: 'create-config-error', subject: 'app' });
  });
});

describe('a specific line outranks a generic one from the same log', () => {
  it('names the missing setting, not the fatal line after it', () => {
    const log = [
      'FATAL error connecting with postgres: cannot parse `DB_URL`: failed to parse as DSN (invalid dsn)',
      'Application run failed',
    ].join('\n');
    expect(scanLogText(log)[0]?.id).toBe('config-value-invalid');
  });
});

describe('a panic or an uncaught exception that names its cause', () => {
  it('reads the cause inside a Go panic line, not the panic', () => {
    expect(verdict('panic: dial tcp 10.96.0.1:443: connect: connection refused')).toMatchObject({
      category: 'dependency-unavailable',
      id: 'dependency-connection-refused',
    });
  });

  it('reads the cause on the line after a Rust panic', () => {
    const log = [
      "thread 'main' panicked at src/main.rs:20:10:",
      'failed to open /data/db: Os { code: 13, kind: PermissionDenied, message: "Permission denied" }',
    ].join('\n');
    expect(verdict(log)).toMatchObject({ category: 'permission', id: 'permission-denied' });
  });

  it('keeps a panic that names no cause a crash', () => {
    expect(verdict('panic: runtime error: index out of range [3] with length 3').category).toBe(
      'segfault-abort',
    );
  });
});

describe('more runtime wordings', () => {
  it.each([
    [
      'the JVM class version',
      'java.lang.UnsupportedClassVersionError: com/acme/App has been compiled by a more recent version of the Java Runtime (class file version 65.0)',
      'crash-after-upgrade',
    ],
    [
      'git without credentials',
      "fatal: could not read Username for 'https://github.com': No such device or address",
      'missing-config',
    ],
    [
      'Node opening a mounted secret',
      "Error: ENOENT: no such file or directory, open '/etc/secrets/token'",
      'missing-config',
    ],
    [
      '.NET opening its settings file',
      "System.IO.FileNotFoundException: Could not find file '/app/appsettings.Production.json'.",
      'missing-config',
    ],
    [
      'a dotted settings key',
      'Invalid config: spring.datasource.password must be set',
      'missing-config',
    ],
  ])('reads %s', (_, line, category) => {
    expect(verdict(line).category).toBe(category);
  });
});
