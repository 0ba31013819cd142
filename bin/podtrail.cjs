#!/usr/bin/env node
// podtrail: offline diagnosis of pasted kubectl output (`podtrail diagnose FILE... [--json]`).
// Loads the build in dist/cli (npm run build:cli; npm pack builds it).
'use strict';
import('../dist/cli/podtrail.mjs').then(
  (cli) => {
    process.exitCode = cli.main(process.argv.slice(2));
  },
  (error) => {
    console.error(`podtrail: cannot load dist/cli (run npm run build:cli): ${error.message}`);
    process.exitCode = 2;
  },
);
