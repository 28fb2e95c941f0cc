# One image for the gateway, every subgraph and the notifier; docker-compose.yml picks the entry point (the gateway by
# default).
# Node 22 is an LTS line; the tag is pinned to a minor release (pin a digest where the registry is reachable).

FROM node:22.12-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
# The build leaves out tests and benchmarks (tsconfig.build.json); their sources go too, with the dev dependencies.
RUN npm run build \
  && npm prune --omit=dev --no-audit --no-fund \
  && rm -rf test bench .ci \
  && find . -path ./node_modules -prune -o \( -name '*.test.ts' -o -name '*.ts' -not -name '*.d.ts' \) -type f -print | xargs rm -f

FROM node:22.12-bookworm-slim
ENV NODE_ENV=production
WORKDIR /app
# Compiled code, production dependencies and the data files read at run time (matrix, code lists, migrations,
# the supergraph), owned by the user that runs them.
COPY --from=build --chown=node:node /app /app
USER node
EXPOSE 4000
# The HTTP servers' liveness. The notifier serves none: its service in docker-compose.yml has a check of its own.
HEALTHCHECK --interval=5s --timeout=3s --retries=12 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 4000) + '/healthz').then(r => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "dist/gateway/main.js"]
