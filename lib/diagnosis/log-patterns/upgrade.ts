// Crashes that come with a version change, readable even when only one side of the upgrade is in
// the paste: a schema the code expects but the database lacks (migrations not run), migrations
// out of step with the code (Flyway, Liquibase, Alembic, Rails, golang-migrate), data files
// written by another major version (PostgreSQL, MySQL, MongoDB, Elasticsearch), a flag or a
// config format the running version rejects, and a program that prints its usage because the
// image changed its command. Wordings from each tool's documentation.
import { pattern, q, type LogPattern } from './pattern';

const MIGRATE =
  'Run the migration step this release needs (its Job, init container or `migrate` command) before the new pods start, or return to the version that matches the database; do not drop or recreate the database to get past it.';
const COMPARE_ARGS =
  'Compare the command/args the chart or manifest passes with the usage of the image version that runs (its release notes list renamed and removed flags); align the chart and the image versions.';

/** Patterns for crashes caused by an upgrade on one side only. */
export const UPGRADE_PATTERNS: LogPattern[] = [
  pattern({
    id: 'migrations-out-of-step',
    category: 'crash-after-upgrade',
    weight: 86,
    re: /PendingMigrationError|Migrations are pending|pending migrations?\b|FlywayValidateException|Migrations? (?:have )?failed validation|Detected applied migration not resolved locally|Migration checksum mismatch|liquibase\.exception\.ValidationFailedException|Can't locate revision identified by '(\w+)'|Target database is not up to date|Dirty database version (\d+)|database schema (?:is )?(?:out of date|newer than|older than)|schema version (?:mismatch|is newer|is older)|requires? (?:a )?database (?:schema )?(?:migration|upgrade)|run (?:the )?(?:database )?migrations? first/i,
    title: (s) =>
      `The database migrations are out of step with this version${s ? ` (${q(s)})` : ''}`,
    explanation:
      'The new code and the database schema are at different versions: this release’s migrations have not run, failed half-way, or the database was migrated by a newer version. It follows an upgrade (or a rollback after one).',
    doNext: [MIGRATE],
  }),
  pattern({
    id: 'schema-behind-code',
    category: 'crash-after-upgrade',
    weight: 78,
    re: /(?:column|relation|table) "?([\w.]+)"? does not exist|Table '([\w.]+)' doesn't exist|Unknown column '([\w.]+)'|no such (?:table|column): ([\w.]+)|Invalid (?:object|column) name '([\w.]+)'|ERROR 1146|UndefinedTable|UndefinedColumn/,
    title: (s) =>
      `The code expects ${s ? `${q(s)}, ` : 'a table or column '}which the database does not have`,
    explanation:
      'The program queries a table or column that is not in the database: the schema is older than the code, so this version’s migrations have not run (or ran against another database).',
    doNext: [MIGRATE],
  }),
  pattern({
    id: 'data-from-other-version',
    category: 'crash-after-upgrade',
    weight: 86,
    re: /data directory was initialized by PostgreSQL version (\d+)|too recent to start up on the existing data files|featureCompatibilityVersion|Upgrade after a crash is not supported|Cannot upgrade from|Unsupported redo log format|cannot upgrade a node from version|(?:index|data) (?:was )?created with version \[[^\]]+\] but the minimum compatible version|incompatible with this version/i,
    title: (s) =>
      `The data on the volume was written by another version${s ? ` (version ${s})` : ''}`,
    explanation:
      'The new version found data files written by another (older or newer) major version and refuses to start on them. This follows an image upgrade or a downgrade: the files need the version’s upgrade procedure.',
    doNext: [
      'Follow the upgrade procedure of the release notes (dump/restore, pg_upgrade, a stepwise upgrade), or run the version that wrote the data; do not delete the volume.',
    ],
  }),
  pattern({
    id: 'runtime-older-than-build',
    category: 'crash-after-upgrade',
    weight: 84,
    // The JVM (class file version), Node (engines / unsupported syntax) and glibc symbol versions.
    re: /UnsupportedClassVersionError|has been compiled by a more recent version of the Java Runtime|GLIBC_([\d.]+)' not found|version `GLIBC_([\d.]+)' not found|requires (?:a )?(?:newer|minimum) (?:version of )?(?:Node(?:\.js)?|Python|Java|Ruby|glibc)/i,
    title: (s) =>
      `The program was built for a newer runtime than the image provides${s ? ` (GLIBC_${s})` : ''}`,
    explanation:
      'The code was compiled or packaged for a newer runtime (Java release, glibc, Node/Python version) than the one in the image, so it cannot even load. It appears when the build was upgraded without the base image, or the reverse.',
    doNext: [
      'Build and run with the same runtime version: update the base image to the version the build targets, or set the build’s target to the runtime in the image.',
    ],
  }),
  pattern({
    id: 'flag-rejected',
    category: 'crash-after-upgrade',
    weight: 80,
    re: /flag provided but not defined: (\S+)|unknown (?:flag|shorthand flag|option|argument)[:\s]+['"]?([\w.=-]+)|unrecognized (?:arguments|option)[:\s]+['"]?([\w.=-]+)|invalid option -- '?(\w)|(?:unknown|unsupported|removed|deprecated and removed) command[- ]line (?:flag|option)[:\s]+['"]?([\w.-]+)/i,
    title: (s) =>
      `The program rejects the flag ${q(s)}: args written for another version of the image`,
    explanation:
      'The program does not accept a command-line flag it was given. Flags are renamed and removed between versions, so this usually means the chart or manifest and the image are at different versions (one was upgraded, or a sub-chart pins an older image); otherwise the flag is misspelled.',
    doNext: [COMPARE_ARGS],
  }),
  pattern({
    id: 'printed-usage',
    category: 'crash-after-upgrade',
    weight: 58,
    re: /^Usage(?: of ([\w./-]+))?:\s*$|^Usage:\s+([\w./-]+)\s+\[|^usage:\s+([\w./-]+)\s+\[/,
    title: (s) =>
      `${s ? q(s) : 'The program'} printed its usage and exited: it did not get a command it accepts`,
    explanation:
      'The program printed its usage text instead of running: it was started without a command or with arguments it does not accept. This happens when an image changes its entrypoint or required sub-command between versions (e.g. a server that now needs `start`) while the manifest stays the same.',
    doNext: [COMPARE_ARGS],
  }),
  pattern({
    id: 'config-format-changed',
    category: 'crash-after-upgrade',
    weight: 84,
    re: /(?:parse|load|read|deserializ\w*|decod\w*|unmarshal\w*)[^\n]{0,80}?(?:config|settings|\.toml|\.ya?ml|\.json|\.ini)[^\n]{0,80}?(?:missing field|unknown field|unknown variant|invalid type|did not find expected key)[:\s]+[`'"]?([\w.-]+)?/i,
    title: (s) => `The config file does not match what this version reads${s ? ` (${q(s)})` : ''}`,
    explanation:
      'The program could not read its config file: a key is missing, unknown or of another type for this version. The config was written for another version of the program (a chart upgraded without the image, an image upgraded without the chart, or old values reused after an upgrade).',
    doNext: [
      'Compare the rendered config (the ConfigMap or the chart values) with the config reference of the image version that runs; regenerate it from the chart of the same version.',
    ],
  }),
];
