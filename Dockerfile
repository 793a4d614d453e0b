# discipline-rules — production image.
#   build:  docker build -t discipline-rules:0.1.0 \
#             --build-arg REVISION=$(git rev-parse HEAD) --build-arg CREATED=$(git log -1 --format=%cI) .
#   run:    docker run --rm -p 3000:3000 --read-only -v records:/data -e DECISIONS_KEY=... -e API_KEYS=... discipline-rules:0.1.0
#           (decision records: the embedded store in the /data volume, or DATABASE_URL=postgres://... instead)
# Two stages on the same base: `build` compiles TypeScript with the full dependency set; the runtime
# stage installs production dependencies only and copies the compiled output and the rule data.
# Tag it with the package.json version (or deploy it by digest), never `latest`: the Kubernetes manifests
# refer to an immutable reference, and the image carries the rules, so the reference pins both.

ARG NODE_IMAGE=node:24-bookworm-slim

# ---------------------------------------------------------------------------------------------------
FROM ${NODE_IMAGE} AS build
WORKDIR /app
# Dependencies first: this layer is reused until package.json / package-lock.json change
# (packages/ holds result-clone, json-rules-engine's `clone`, installed from there: package.json overrides).
COPY package.json package-lock.json ./
COPY packages ./packages
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
COPY packages ./packages
RUN npm ci --omit=dev --no-audit --no-fund --cache /tmp/npm-cache \
 && rm -rf /tmp/npm-cache /tmp/node-compile-cache
# The embedded decision store (DATA_DIR): a volume owned by the node user, the only place written at
# runtime, so that records outlive the container and the root filesystem can stay read-only.
RUN install -d -o node -g node /data
VOLUME ["/data"]
USER node
# Rule data (rulesets, catalog, cases — rules/cases/reference-dong.json is read at startup as the
# OpenAPI example) and the compiled service. COPY leaves them owned by root, so the node user can
# only read them; nothing is written at runtime and a read-only root filesystem works.
# The rules are shipped in the image (and only here: deploy/kubernetes mounts none), the whole folder in
# one layer, so a new rule file needs no list updated anywhere. This layer and the next change with the
# rules or the code only; the dependency layers above stay cached.
COPY rules ./rules
COPY --from=build /app/dist/src ./dist/src

# OCI image labels (opencontainers image-spec, annotations.md). Last, so that a new revision or date does
# not invalidate the cached layers above. VERSION is the package.json version (a test keeps the default in
# step); REVISION and CREATED come from the build command (scripts/container-check.sh passes the commit and
# its date, so that two builds of one commit get the same labels).
ARG NODE_IMAGE
ARG VERSION=0.1.0
ARG REVISION=unknown
ARG CREATED=unknown
LABEL org.opencontainers.image.title="discipline-rules" \
      org.opencontainers.image.description="Decision-support REST service: evaluates the facts of a Party-discipline case against machine-readable rule sets (bundled in the image) and returns triggered rules, a severity classification and cited clauses." \
      org.opencontainers.image.version="${VERSION}" \
      org.opencontainers.image.revision="${REVISION}" \
      org.opencontainers.image.created="${CREATED}" \
      org.opencontainers.image.licenses="LicenseRef-UNLICENSED" \
      org.opencontainers.image.base.name="${NODE_IMAGE}"
