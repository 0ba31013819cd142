// @ts-check
/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // The cluster client and the embedded database stay on the server, unbundled.
  serverExternalPackages: ['@kubernetes/client-node', '@electric-sql/pglite', 'pg'],
  // Lint and typecheck run in the test command, not in every build.
  typescript: { ignoreBuildErrors: false },
  distDir: process.env.NEXT_DIST_DIR || '.next',
};
module.exports = nextConfig;
