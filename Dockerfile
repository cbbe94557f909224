# The whole product (API + web app on one port) for production on any PostgreSQL. One image serves
# both roles of a deployment (docker-compose.yml, docs/DEPLOYMENT.md):
#   node apps/api/dist/migrate.js   the migrate step: run once per release, before the instances
#   node apps/api/dist/main.js      an API instance (the default command); RUN_MIGRATIONS=false
#                                   when the migrate step runs separately
FROM node:20-bookworm-slim AS build
WORKDIR /app
RUN npm i -g pnpm@12.4.2
COPY . .
RUN pnpm install --frozen-lockfile && pnpm build \
  && test -f apps/api/dist/main.js && test -f apps/api/dist/migrate.js \
  && pnpm prune --prod

FROM node:20-bookworm-slim
ENV NODE_ENV=production PORT=3000 HOST=0.0.0.0
WORKDIR /app
COPY --from=build /app /app
USER node
EXPOSE 3000
CMD ["node", "apps/api/dist/main.js"]
