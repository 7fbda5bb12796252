# madoguchi: one server process per container, on PostgreSQL (DATABASE_URL). Run as many
# containers as the load needs behind one address; see the README's production section.
FROM node:20-bookworm-slim

WORKDIR /app
# tsx runs the TypeScript and vite builds the web app: both are runtime dependencies here.
COPY package.json package-lock.json .npmrc ./
RUN npm ci --no-audit --no-fund && npm cache clean --force

COPY . .
# The web app is built into the image, so a container never builds it at start.
RUN NODE_ENV=production npx tsx -e "import('./src/server.ts').then((m) => m.ensureWebBuild(console))"

ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3000 \
    MADOGUCHI_DATA=/app/data
RUN mkdir -p /app/data && chown node:node /app/data
USER node
EXPOSE 3000
HEALTHCHECK --interval=10s --timeout=3s --start-period=30s \
  CMD node -e "fetch('http://127.0.0.1:3000/readyz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"
CMD ["node", "--import", "tsx", "src/main.ts"]
