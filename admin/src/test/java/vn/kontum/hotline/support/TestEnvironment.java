package vn.kontum.hotline.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;

/**
 * Where the integration tests keep their data. {@code embedded} (the default, what `./mvnw test` uses): H2 files
 * and an embedded redis-server under a fresh temporary folder, as a newcomer's first run. {@code postgres}
 * (CI's second pass, `-Dhotline.test.profile=postgres`): the real PostgreSQL and Redis on 127.0.0.1.
 */
public final class TestEnvironment {

    public static final String PROFILE = System.getProperty("hotline.test.profile", "embedded");
    public static final Path DATA_DIR = tempDir();
    public static final int EMBEDDED_REDIS_PORT = freePort();
    /** The key given with PostgreSQL, as production must; on the embedded default the hotline makes its own key file. */
    public static final String ENCRYPTION_KEY = "q83vEjRWeJq83vEjRWeJq83vEjRWeJq83vEjRWeJq80=";

    private TestEnvironment() {
    }

    /**
     * The PostgreSQL database for {@code name}: {@code -Dhotline.test.db-suffix=_x} (and
     * {@code -Dhotline.test.redis-db-offset=8}) keep two checkouts testing at once on one machine apart.
     */
    public static String database(String name) {
        return name + System.getProperty("hotline.test.db-suffix", "");
    }

    /** The Redis database number for {@code db}, moved by {@code -Dhotline.test.redis-db-offset}. */
    public static int redisDb(int db) {
        return db + Integer.getInteger("hotline.test.redis-db-offset", 0);
    }

    /** Empties the test's Redis database {@code db} (offset applied) on 127.0.0.1:6379: Redis outlives test runs. */
    public static void flushRedis(int db) {
        RedisClient client = RedisClient.create(RedisURI.create("redis://127.0.0.1:6379/" + redisDb(db)));
        try (var connection = client.connect()) {
            connection.sync().flushdb();
        } finally {
            client.shutdown();
        }
    }

    public static boolean postgres() {
        return "postgres".equals(PROFILE);
    }

    /** Properties for a hotline using the test's stores; {@code database} and {@code redisDb} keep separate runs apart. */
    public static Map<String, String> properties(String database, int redisDb, Path dataDir, int embeddedRedisPort) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("hotline.data-dir", dataDir.toString());
        if (postgres()) {
            p.put("spring.datasource.url", "jdbc:postgresql://127.0.0.1:5432/" + database(database));
            p.put("spring.datasource.username", System.getProperty("hotline.test.pg-user", "postgres"));
            p.put("spring.datasource.password", "");
            p.put("hotline.redis.url", "redis://127.0.0.1:6379/" + redisDb(redisDb));
            // Production must give the key with a shared database; so do the tests.
            p.put("hotline.encryption-key", ENCRYPTION_KEY);
        } else {
            p.put("hotline.redis.embedded-port", Integer.toString(embeddedRedisPort));
        }
        return p;
    }

    public static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Path tempDir() {
        try {
            Path dir = Files.createTempDirectory("hotline-test-");
            dir.toFile().deleteOnExit();
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
