package vn.kontum.hotline.understanding;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import vn.kontum.hotline.nlp.MessageClassifier;

/**
 * The message classifier: the model built with the hotline, or a retrained one from {@code HOTLINE_MODEL_PATH}
 * so that a new model needs no rebuild.
 */
@Configuration(proxyBeanMethods = false)
class UnderstandingConfig {

    private static final Logger log = LoggerFactory.getLogger(UnderstandingConfig.class);

    @Bean
    MessageClassifier messageClassifier(@Value("${hotline.model-path:}") String modelPath) {
        long started = System.nanoTime();
        MessageClassifier classifier;
        try {
            classifier = modelPath.isBlank() ? MessageClassifier.bundled() : MessageClassifier.fromFile(Path.of(modelPath));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the model at " + modelPath, e);
        }
        log.info("classifier model {} loaded in {} ms", classifier.modelVersion(), (System.nanoTime() - started) / 1_000_000);
        return classifier;
    }
}
