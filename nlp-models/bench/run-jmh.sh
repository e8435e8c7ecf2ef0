#!/usr/bin/env bash
# Builds nlp-models with its test classes and runs the JMH classifier benchmark on one thread, one fork, with
# modest settings (under 2 minutes on 2 cores). Extra arguments go to JMH, e.g. a benchmark name regex or -h.
# Maven flags can be passed in MAVEN_ARGS, e.g. MAVEN_ARGS=-o for an offline build.
set -euo pipefail

root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"

./mvnw -q -pl nlp-models test-compile
./mvnw -q -pl nlp-models dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/jmh.classpath

classpath="nlp-models/target/test-classes:nlp-models/target/classes:$(cat nlp-models/target/jmh.classpath)"
"$java" -version 2>&1 | head -1
exec "$java" -cp "$classpath" -Dorg.slf4j.simpleLogger.defaultLogLevel=warn org.openjdk.jmh.Main \
    'vn.kontum.hotline.nlp.bench.ClassifierBenchmark' -f 1 -t 1 \
    -rf json -rff nlp-models/target/jmh-result.json "$@"
