# discipline-rules — production image.
#   build:  docker build -t discipline-rules .
#   run:    docker run --rm -p 3000:3000 --read-only -v records:/data -e DECISIONS_KEY=… discipline-rules
#           (decision records: the embedded store in /data, or DATABASE_URL=postgres://… instead)
# Two stages on the same base: `build` compiles TypeScript with the full dependency set; the runtime
# stage installs production dependencies only and copies the compiled output and the rule data.

ARG NODE_IMAGE=node:24-bookworm-slim

# ---------------------------------------------------------------------------------------------------
FROM ${NODE_IMAGE} AS build
WORKDIR /app
# Dependencies first: this layer is reused until package.json / package-lock.json change.
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
# Then the sources (tsconfig.build.json compiles src/ and scripts/ into dist/).
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
COPY scripts ./scripts
RUN npm run build

# ---------------------------------------------------------------------------------------------------
FROM ${NODE_IMAGE} AS runtime
WORKDIR /app
# Image metadata comes first so that these layers stay cached when only the code changes (with vfs
# storage every layer after a changed one is a full copy of the filesystem).
# The server locates its package root via package.json in /app and binds HOST:PORT.
# SHUTDOWN_TIMEOUT_MS stays below the default 10 s `docker stop` grace period, so a stuck shutdown
# ends with the service's own forced exit rather than SIGKILL.
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3000 \
    SHUTDOWN_TIMEOUT_MS=8000 \
    DATA_DIR=/data
EXPOSE 3000
# No curl in the slim image: probe /readyz with Node's built-in fetch (bounded by a 2 s timeout).
HEALTHCHECK --interval=10s --timeout=3s --start-period=10s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/readyz',{signal:AbortSignal.timeout(2000)}).then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
# node runs directly as PID 1: the service installs its own SIGTERM/SIGINT handlers
# (close-with-grace -> app.close() -> exit 0), so `docker stop` shuts it down promptly.
# --max-semi-space-size=8 caps V8's young generation at 2 × 8 MiB (Node's default here is 2 × 16):
# under load this keeps the resident set 10-40 MB lower at no measurable cost in throughput
# (bench/memory.mjs; bench/README.md, "Memory"). `npm start` uses the same flags; a test keeps the two in step.
CMD ["node", "--max-semi-space-size=8", "dist/src/server.js"]

# Production dependencies only (installed as root); npm's cache, logs and compile cache stay out of the layer.
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund --cache /tmp/npm-cache \
 && rm -rf /tmp/npm-cache /tmp/node-compile-cache
USER node
# Rule data (rulesets, catalog, cases — rules/cases/reference-dong.json is read at startup as the
# OpenAPI example) and the compiled service. COPY leaves them owned by root, so the node user can
# only read them; nothing is written at runtime and a read-only root filesystem works.
COPY rules ./rules
COPY --from=build /app/dist/src ./dist/src
