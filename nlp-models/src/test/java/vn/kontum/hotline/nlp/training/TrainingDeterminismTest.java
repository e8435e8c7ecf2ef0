package vn.kontum.hotline.nlp.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import vn.kontum.hotline.nlp.MessageClassifier;
import vn.kontum.hotline.nlp.ModelBundle;

class TrainingDeterminismTest {

    @Test
    void theSameCorpusGivesTheSameModelBytes() throws IOException {
        Corpus corpus = Corpus.read(Path.of("corpus"));

        byte[] first = bytes(Trainer.standard().train(corpus.samples(), TrainingSettings.DEFAULT, corpus.hash()));
        byte[] second = bytes(Trainer.standard().train(corpus.samples(), TrainingSettings.DEFAULT, corpus.hash()));

        assertThat(first).hasSizeGreaterThan(10_000);
        assertThat(second).isEqualTo(first);
    }

    @Test
    void aWrittenModelReadsBackToTheSameAnswersAndBytes() throws IOException {
        Corpus corpus = Corpus.read(Path.of("corpus"));
        ModelBundle trained = Trainer.standard().train(corpus.samples(), TrainingSettings.DEFAULT, corpus.hash());
        byte[] written = bytes(trained);

        ModelBundle read = ModelBundle.read(new ByteArrayInputStream(written));

        assertThat(read.version()).isEqualTo(trained.version());
        assertThat(read.settings()).isEqualTo(trained.settings());
        assertThat(bytes(read)).isEqualTo(written);
        MessageClassifier before = new MessageClassifier(trained);
        MessageClassifier after = new MessageClassifier(read);
        for (Sample s : corpus.samples().subList(0, 200)) {
            assertThat(after.classify(s.text())).isEqualTo(before.classify(s.text()));
        }
    }

    @Test
    void theModelVersionFollowsTheCorpusAndTheSettings() {
        String version = Trainer.version("abc", TrainingSettings.DEFAULT);

        assertThat(Trainer.version("abc", TrainingSettings.DEFAULT)).isEqualTo(version);
        assertThat(Trainer.version("abd", TrainingSettings.DEFAULT)).isNotEqualTo(version);
        assertThat(Trainer.version("abc", TrainingSettings.DEFAULT.withAlgorithm("NAIVEBAYES"))).isNotEqualTo(version);
    }

    private static byte[] bytes(ModelBundle bundle) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        bundle.write(out);
        return out.toByteArray();
    }
}
