package vn.kontum.hotline.secrets;

import java.nio.file.Path;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The key that encrypts what is kept at rest (message texts, notes, platform tokens): {@code HOTLINE_ENCRYPTION_KEY};
 * on the embedded default (H2 under the data folder, one node) a key made once into the data folder. Nodes
 * sharing PostgreSQL must share the key, so there it has to be given.
 */
@Configuration(proxyBeanMethods = false)
class SecretsConfig {

    @Bean
    SecretCipher secretCipher(@Value("${hotline.encryption-key:}") String key, @Value("${hotline.encryption-key-previous:}") String previous,
                              @Value("${hotline.data-dir}") String dataDir, @Value("${spring.datasource.url:}") String datasourceUrl) {
        if (!key.isBlank()) {
            return SecretCipher.fromBase64(key).withPrevious(previous);
        }
        if (!datasourceUrl.startsWith("jdbc:h2:")) {
            throw new IllegalStateException("HOTLINE_ENCRYPTION_KEY must be set (base64 of 32 bytes) when the database is shared");
        }
        return SecretCipher.fromKeyFile(Path.of(dataDir, "secrets", "encryption.key")).withPrevious(previous);
    }
}
