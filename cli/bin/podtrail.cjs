#!/usr/bin/env node
// podtrail: offline diagnosis of pasted kubectl output (`podtrail diagnose FILE... [--json]`).
// Loads the bundle in cli/dist (npm run build:cli; npm pack in cli/ builds it).
'use strict';
import('../dist/podtrail.mjs').then(
  (cli) => {
    process.exitCode = cli.main(process.argv.slice(2));
  },
  (error) => {
    console.error(`podtrail: cannot load cli/dist (run npm run build:cli): ${error.message}`);
    process.exitCode = 2;
  },
);
