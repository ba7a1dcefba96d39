# syntax=docker/dockerfile:1
# PacketLab in a container (docs/deploy.md). Two stages: Maven + JDK 21 + Node build the one executable jar exactly
# as ./packetlab does (stack, then the frontend with the system npm, then the Spring Boot server); a JRE runs it.
#
#   docker build -t packetlab .
#   docker run -p 8080:8080 -v packetlab-data:/app/data packetlab        # H2 in /app/data
#   docker compose up                                                     # with PostgreSQL (docker-compose.yml)

FROM maven:3.9-eclipse-temurin-21 AS build
# Vite 8 needs Node.js 20.19+; Debian's and Ubuntu's packages are older, so take Node from its official image.
COPY --from=node:22-bookworm-slim /usr/local/bin/node /usr/local/bin/node
COPY --from=node:22-bookworm-slim /usr/local/lib/node_modules /usr/local/lib/node_modules
RUN ln -s ../lib/node_modules/npm/bin/npm-cli.js /usr/local/bin/npm \
 && ln -s ../lib/node_modules/npm/bin/npx-cli.js /usr/local/bin/npx \
 && node --version && npm --version
WORKDIR /src
COPY . .
# The caches keep Maven's and npm's downloads between builds; the benchmarks module is not part of the image.
RUN --mount=type=cache,target=/root/.m2 --mount=type=cache,target=/root/.npm \
    mvn -B --no-transfer-progress -DskipTests -pl backend/server -am package \
 && cp backend/server/target/packetlab-server-*.jar /packetlab.jar

FROM eclipse-temurin:21-jre
RUN useradd --system --uid 10001 --home-dir /app --shell /usr/sbin/nologin packetlab \
 && mkdir -p /app/data && chown packetlab /app/data
WORKDIR /app
COPY --from=build /packetlab.jar /app/packetlab.jar
USER packetlab
# The default profile keeps saved labs and share links in H2 files here; the postgres profile keeps nothing here.
VOLUME /app/data
EXPOSE 8080
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/app/packetlab.jar"]
