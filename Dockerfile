# Wegwijs container image. Build: docker build -t wegwijs .
# Run:   docker run -p 3000:3000 -v /pad/naar/plandocumenten:/corpus:ro -v wegwijs-data:/data \
#          -e REDIS_URL=redis://redis:6379 wegwijs
# The container listens on all interfaces, so the web chat is off by default (it has no login of
# its own); put it behind an authenticating proxy with WEGWIJS_WEB_AUTH=proxy and
# WEGWIJS_WEB_PROXY_SECRET to switch it on. Slack and Teams work either way.
FROM node:20-bookworm-slim

ENV NODE_ENV=production \
    PORT=3000 \
    HOST=0.0.0.0 \
    WEGWIJS_WEB_AUTH=off \
    WEGWIJS_CORPUS_DIR=/corpus \
    WEGWIJS_DATA_DIR=/data

WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force
COPY tsconfig.json ./
COPY src ./src
COPY content ./content

RUN mkdir -p /corpus /data && chown -R node:node /data
USER node
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=3s --start-period=30s \
  CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/healthz').then(r=>process.exit(r.ok?0:1)).catch(()=>process.exit(1))"
CMD ["node", "--import", "tsx", "src/main.ts"]
