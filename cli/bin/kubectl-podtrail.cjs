#!/usr/bin/env node
// kubectl-podtrail: the kubectl plugin (`kubectl podtrail diagnose POD`, `kubectl podtrail open POD`).
// Loads the bundle in cli/dist (npm run build:cli; npm pack in cli/ builds it).
'use strict';
import('../dist/kubectl-podtrail.mjs').then(
  async (cli) => {
    process.exitCode = await cli.main(process.argv.slice(2));
  },
  (error) => {
    console.error(
      `kubectl-podtrail: cannot load cli/dist (run npm run build:cli): ${error.message}`,
    );
    process.exitCode = 2;
  },
);
