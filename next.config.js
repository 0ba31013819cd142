// @ts-check
/** Headers for what proxy.ts does not see (static build files); pages and API get them there. */
const staticHeaders = [
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'Referrer-Policy', value: 'no-referrer' },
];

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // The container image runs `node server.js` from .next/standalone (Dockerfile).
  output: 'standalone',
  // The cluster client and the embedded database stay on the server, unbundled.
  serverExternalPackages: ['@kubernetes/client-node', '@electric-sql/pglite', 'pg'],
  // Lint and typecheck run in the test command, not in every build.
  typescript: { ignoreBuildErrors: false },
  distDir: process.env.NEXT_DIST_DIR || '.next',
  experimental: {
    // A request through proxy.ts has its body buffered by Next.js up to this size; no route
    // behind the proxy takes more than a sign-in form (uploads bypass it, see proxy.ts).
    proxyClientMaxBodySize: '64kb',
  },
  async headers() {
    return [{ source: '/:path*', headers: staticHeaders }];
  },
};
module.exports = nextConfig;
