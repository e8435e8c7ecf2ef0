# The hotline image: built from source with the Maven Wrapper, run on a JRE as an unprivileged user.
FROM eclipse-temurin:21-jdk AS build
WORKDIR /src
COPY .mvn .mvn
COPY mvnw pom.xml ./
COPY nlp-models nlp-models
COPY bot bot
COPY admin admin
RUN ./mvnw -B -ntp -DskipTests package

FROM eclipse-temurin:21-jre
RUN useradd --system --uid 10001 --home /var/lib/hotline hotline && mkdir -p /var/lib/hotline && chown hotline /var/lib/hotline
COPY --from=build /src/admin/target/hotline.jar /opt/hotline/hotline.jar
USER hotline
WORKDIR /var/lib/hotline
ENV HOTLINE_DATA_DIR=/var/lib/hotline
EXPOSE 8080
HEALTHCHECK --interval=15s --timeout=5s --start-period=60s --retries=4 \
  CMD wget -qO- http://127.0.0.1:8080/actuator/health/readiness >/dev/null || exit 1
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=70", "-jar", "/opt/hotline/hotline.jar"]
