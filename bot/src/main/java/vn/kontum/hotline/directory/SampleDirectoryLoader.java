package vn.kontum.hotline.directory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.ClassPathResource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Fills an empty directory at first start: from {@code HOTLINE_DIRECTORY_FILE} when given, else from the
 * sample shipped with the hotline (real communes and wards, placeholder villages and service points).
 */
@Component
class SampleDirectoryLoader implements InitializingBean {

    private static final Logger log = LoggerFactory.getLogger(SampleDirectoryLoader.class);

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final String file;

    SampleDirectoryLoader(JdbcClient jdbc, TransactionTemplate tx, @Value("${hotline.directory-file:}") String file) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.file = file;
    }

    @Override
    public void afterPropertiesSet() {
        if (jdbc.sql("select count(*) from commune").query(Long.class).single() > 0) {
            return;
        }
        try (InputStream in = file.isBlank() ? new ClassPathResource("directory/sample-directory.yml").getInputStream()
                : Files.newInputStream(Path.of(file))) {
            Map<String, List<Map<String, Object>>> data = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
            try {
                tx.executeWithoutResult(status -> load(data));
            } catch (DuplicateKeyException e) {
                log.info("directory already loaded by another node");
                return;
            }
            log.info("directory loaded from {}: {} communes, {} villages, {} service points", file.isBlank() ? "the sample" : file,
                    data.get("communes").size(), data.get("villages").size(), data.get("service-points").size());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the directory file", e);
        }
    }

    private void load(Map<String, List<Map<String, Object>>> data) {
        for (Map<String, Object> c : data.get("communes")) {
            jdbc.sql("insert into commune (id, name, kind, sample) values (:id, :name, :kind, :sample)")
                    .param("id", c.get("id")).param("name", c.get("name")).param("kind", c.get("kind"))
                    .param("sample", Boolean.TRUE.equals(c.get("sample"))).update();
        }
        for (Map<String, Object> v : data.get("villages")) {
            jdbc.sql("""
                            insert into village (id, commune_id, name, especially_disadvantaged, sample)
                            values (:id, :commune, :name, :ebk, :sample)""")
                    .param("id", v.get("id")).param("commune", v.get("commune")).param("name", v.get("name"))
                    .param("ebk", Boolean.TRUE.equals(v.get("especially-disadvantaged")))
                    .param("sample", Boolean.TRUE.equals(v.get("sample"))).update();
        }
        for (Map<String, Object> s : data.get("service-points")) {
            jdbc.sql("""
                            insert into service_point (id, kind, name, commune_id, phone, sample)
                            values (:id, :kind, :name, :commune, :phone, :sample)""")
                    .param("id", s.get("id")).param("kind", ServicePointKind.valueOf((String) s.get("kind")).name())
                    .param("name", s.get("name")).param("commune", s.get("commune")).param("phone", s.get("phone"))
                    .param("sample", Boolean.TRUE.equals(s.get("sample"))).update();
            for (Object category : (List<?>) s.getOrDefault("categories", List.of())) {
                jdbc.sql("insert into service_point_category (service_point_id, category) values (:id, :category)")
                        .param("id", s.get("id")).param("category", category).update();
            }
            for (Object village : (List<?>) s.getOrDefault("villages", List.of())) {
                jdbc.sql("insert into service_point_village (service_point_id, village_id) values (:id, :village)")
                        .param("id", s.get("id")).param("village", village).update();
            }
        }
    }
}
