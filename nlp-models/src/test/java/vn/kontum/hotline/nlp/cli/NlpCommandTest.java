package vn.kontum.hotline.nlp.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.kontum.hotline.nlp.Classification;
import vn.kontum.hotline.nlp.MessageClassifier;

class NlpCommandTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String input, String... args) throws IOException {
        NlpCommand command = new NlpCommand(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return command.run(args);
    }

    private List<String> outputLines() {
        return out.toString(StandardCharsets.UTF_8).lines().toList();
    }

    @Test
    void classifyWritesOneAnswerPerLineInOrder() throws IOException {
        List<String> input = List.of(
                "cứu em với chồng em đang cầm dao đòi giết em",
                "muốn vay vốn ngân hàng chính sách để nuôi bò thì cần giấy tờ gì",
                "",
                "em có bầu tháng thứ ba, cần đi khám thai ở đâu",
                "😭",
                "cảm ơn chị nhiều nha");

        int status = run(String.join("\n", input) + "\n", "classify");

        assertThat(status).isZero();
        List<String> lines = outputLines();
        assertThat(lines).hasSameSizeAs(input);
        MessageClassifier classifier = MessageClassifier.bundled();
        for (int i = 0; i < input.size(); i++) {
            Classification c = classifier.classify(input.get(i));
            String expected = String.format(Locale.ROOT, "%s\t%.4f\t%s", c.label(), c.confidence(), c.urgent() ? "urgent" : "normal");
            assertThat(lines.get(i)).as("line %d: %s", i + 1, input.get(i)).isEqualTo(expected);
        }
        assertThat(lines.get(0)).startsWith("violence\t").endsWith("\turgent");
        assertThat(lines.get(1)).startsWith("savings_loans\t").endsWith("\tnormal");
        assertThat(lines.get(2)).isEqualTo("other\t0.0000\tnormal");
        assertThat(lines.get(3)).startsWith("safe_delivery\t");
    }

    @Test
    void everyAnswerHasThreeTabSeparatedFields() throws IOException {
        run("a\nb\r\nc", "classify");

        assertThat(outputLines()).hasSize(3).allSatisfy(line -> assertThat(line)
                .matches("(violence|trafficking|safe_delivery|savings_loans|other)\t[01]\\.\\d{4}\t(urgent|normal)"));
    }

    @Test
    void classifyWithNoInputWritesNothing() throws IOException {
        assertThat(run("", "classify")).isZero();
        assertThat(out.size()).isZero();
    }

    @Test
    void trainWritesAModelThatClassifyCanUse(@TempDir Path dir) throws IOException {
        Path corpus = Files.createDirectories(dir.resolve("corpus"));
        Files.writeString(corpus.resolve("small.tsv"), """
                label\turgent\ttext
                violence\t1\tchồng đang đánh em
                violence\t0\tchồng hay chửi em
                savings_loans\t0\tvay vốn ở đâu
                savings_loans\t0\ttổ tiết kiệm góp bao nhiêu
                other\t0\txin chào
                """);
        Path model = dir.resolve("model.bin");

        assertThat(run("", "train", "--corpus", corpus.toString(), "--out", model.toString())).isZero();
        assertThat(model).isNotEmptyFile();

        assertThat(run("vay vốn\n", "classify", "--model", model.toString())).isZero();
        assertThat(outputLines()).singleElement().asString().startsWith("savings_loans\t");
    }

    @Test
    void auditListsTheCrossValidatedDisagreements(@TempDir Path dir) throws IOException {
        Path corpus = Files.createDirectories(dir.resolve("corpus"));
        Files.writeString(corpus.resolve("small.tsv"), """
                label\turgent\ttext
                violence\t1\tchồng đang đánh em
                violence\t1\tcứu em nó đang cầm dao
                violence\t0\tchồng hay chửi em
                violence\t0\tchồng đánh em hôm qua
                violence\t0\tchồng giữ hết tiền
                savings_loans\t0\tvay vốn ở đâu
                savings_loans\t0\ttổ tiết kiệm góp bao nhiêu
                savings_loans\t0\tvay vốn nuôi bò
                savings_loans\t0\tchồng đánh em
                other\t0\txin chào
                other\t0\tcảm ơn chị
                """);

        assertThat(run("", "audit", "--corpus", corpus.toString(), "--folds", "2")).isZero();

        List<String> lines = outputLines();
        assertThat(lines.getFirst()).startsWith("# corpus ").contains("macro-F1");
        assertThat(lines.subList(1, lines.size())).isNotEmpty().allSatisfy(line -> assertThat(line)
                .matches("small\\.tsv:\\d+\t\\w+\t\\w+\t[01]\\.\\d{3}\t[01]\t[01]\t.+"));
        assertThat(lines).anySatisfy(line -> assertThat(line).endsWith("\tchồng đánh em"));
    }

    @Test
    void evaluateReportsEachHeldOutSetThenAllTogether_andOnlyTheFileNamed(@TempDir Path dir) throws IOException {
        Path corpus = Files.createDirectories(dir.resolve("corpus"));
        Files.writeString(corpus.resolve("small.tsv"), """
                label\turgent\ttext
                violence\t1\tchồng đang đánh em
                violence\t1\tcứu em nó đang cầm dao
                violence\t1\tnó nhốt em trong nhà
                violence\t0\tchồng hay chửi em
                violence\t0\tchồng đánh em hôm qua
                savings_loans\t0\tvay vốn ở đâu
                savings_loans\t0\ttổ tiết kiệm góp bao nhiêu
                savings_loans\t0\tvay vốn nuôi bò
                other\t0\txin chào
                other\t0\tcảm ơn chị
                """);
        Path heldout = Files.createDirectories(dir.resolve("heldout"));
        Files.writeString(heldout.resolve("heldout.tsv"), "label\turgent\ttext\nviolence\t1\tck dang danh e\nother\t0\tchào chị\n");
        Files.writeString(heldout.resolve("heldout2.tsv"), "label\turgent\ttext\nsavings_loans\t0\tmuốn vay vốn\n");

        assertThat(run("", "evaluate", "--corpus", corpus.toString(), "--folds", "2")).isZero();
        String report = out.toString(StandardCharsets.UTF_8);
        assertThat(report).contains("== held-out messages (" + heldout.resolve("heldout.tsv"))
                .contains("== held-out messages (" + heldout.resolve("heldout2.tsv"))
                .contains("== all 2 held-out sets together (3 messages) ==");
        assertThat(report.indexOf("(" + heldout.resolve("heldout.tsv"))).isLessThan(report.indexOf("(" + heldout.resolve("heldout2.tsv")));
        assertThat(report.substring(report.indexOf("held-out sets together"))).contains("(n=3)");

        out.reset();
        assertThat(run("", "evaluate", "--corpus", corpus.toString(), "--folds", "2", "--heldout", heldout.resolve("heldout2.tsv").toString())).isZero();
        String one = out.toString(StandardCharsets.UTF_8);
        assertThat(one).contains("== held-out messages (" + heldout.resolve("heldout2.tsv")).doesNotContain("heldout.tsv")
                .doesNotContain("together");
        assertThat(one.substring(one.indexOf("== held-out messages"))).contains("(n=1)");
    }

    @Test
    void unknownCommandPrintsUsage() throws IOException {
        assertThat(run("", "nonsense")).isEqualTo(2);
        assertThat(run("")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("usage:");
    }

    @Test
    void anOptionWithoutValueIsRejected() {
        assertThatThrownBy(() -> NlpCommand.options(new String[] {"classify", "--model"}))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
