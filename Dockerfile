# Podtrail's container image: Next.js standalone output, non-root, read-only root filesystem
# (the Helm chart mounts /data and /tmp writable). Build: docker build -t podtrail .
# The test command runs the same standalone output the same way (e2e/standalone.spec.ts).

FROM node:22-bookworm-slim AS deps
WORKDIR /src
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund

FROM node:22-bookworm-slim AS build
WORKDIR /src
ENV NEXT_TELEMETRY_DISABLED=1
COPY --from=deps /src/node_modules ./node_modules
COPY . .
RUN npx next build

# No npm, no dev dependencies, no sources: server.js and the modules it traced.
FROM node:22-bookworm-slim AS run
ENV NODE_ENV=production \
    NEXT_TELEMETRY_DISABLED=1 \
    HOST=0.0.0.0 \
    PORT=3000 \
    PODTRAIL_DATA_DIR=/data
WORKDIR /app
COPY --from=build /src/.next/standalone ./
COPY --from=build /src/.next/static ./.next/static
COPY --from=build /src/bin/podtrail-server.cjs ./podtrail-server.cjs
RUN rm -rf /usr/local/lib/node_modules/npm /usr/local/bin/npm /usr/local/bin/npx \
 && mkdir -p /data && chown 65532:65532 /data
USER 65532:65532
VOLUME ["/data"]
EXPOSE 3000
# Liveness: the process answers (Kubernetes probes readiness on /api/health, see the chart).
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s \
  CMD ["node", "-e", "fetch('http://127.0.0.1:3000/api/health?live=1').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
# Listens on all interfaces, so it refuses to start unless PODTRAIL_AUTH names a sign-in mode.
CMD ["node", "podtrail-server.cjs"]
