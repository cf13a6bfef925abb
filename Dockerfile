# Multi-stage: build the fat jar with Maven, run it on a JRE as a non-root user.
FROM maven:3.9-eclipse-temurin-21 AS build
# npm brings the web client's two browser libraries in (profile web, pinned by its lockfile)
RUN apt-get update && apt-get install -y --no-install-recommends nodejs npm && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY pom.xml .
RUN mvn -B -q dependency:go-offline
COPY conf conf
COPY src src
COPY scripts scripts
RUN mvn -B -q -Pweb -DskipTests package

FROM eclipse-temurin:21-jre
RUN apt-get update \
 && apt-get install -y --no-install-recommends curl \
 && rm -rf /var/lib/apt/lists/* \
 && useradd --system --uid 10001 --home-dir /app ludo
WORKDIR /app
COPY --from=build /src/target/ludo-server.jar /app/ludo-server.jar
COPY conf /app/conf
RUN mkdir -p /app/data && chown ludo /app/data
USER ludo
# 8080: REST, WebSocket and SockJS; 5701: Hazelcast; the event bus picks a free port on the host address.
EXPOSE 8080 5701
ENV LUDO_CLUSTER_HOST=auto \
    LUDO_CLUSTER_DISCOVERY=multicast
HEALTHCHECK --interval=10s --timeout=3s --start-period=60s --retries=3 \
  CMD curl -fsS http://127.0.0.1:8080/health/ready || exit 1
# SIGTERM (docker stop, scale-down) hands the node's games to the others before it exits.
STOPSIGNAL SIGTERM
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/app/ludo-server.jar", "node"]
