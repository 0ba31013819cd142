#!/usr/bin/env node
// kubectl-podtrail: the kubectl plugin (`kubectl podtrail diagnose POD`, `kubectl podtrail open POD`).
// Loads the build in dist/cli (npm run build:cli; npm pack builds it).
'use strict';
import('../dist/cli/kubectl-podtrail.mjs').then(
  async (cli) => {
    process.exitCode = await cli.main(process.argv.slice(2));
  },
  (error) => {
    console.error(
      `kubectl-podtrail: cannot load dist/cli (run npm run build:cli): ${error.message}`,
    );
    process.exitCode = 2;
  },
);
