package vn.kontum.hotline.nlp.cli;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import vn.kontum.hotline.nlp.Classification;
import vn.kontum.hotline.nlp.MessageClassifier;
import vn.kontum.hotline.nlp.ModelBundle;
import vn.kontum.hotline.nlp.text.DangerLexicon;
import vn.kontum.hotline.nlp.text.TextNormalizer;
import vn.kontum.hotline.nlp.training.Corpus;
import vn.kontum.hotline.nlp.training.CrossValidation;
import vn.kontum.hotline.nlp.training.KeywordBaseline;
import vn.kontum.hotline.nlp.training.NearDuplicates;
import vn.kontum.hotline.nlp.training.Sample;
import vn.kontum.hotline.nlp.training.Scores;
import vn.kontum.hotline.nlp.training.Trainer;
import vn.kontum.hotline.nlp.training.TrainingSettings;

/**
 * {@code java -jar nlp-models.jar train|evaluate|classify}: train a model from the corpus, measure it, or
 * classify lines from standard input.
 */
public final class NlpCommand {

    static final List<String> ALGORITHMS = List.of("MAXENT", "MAXENT_QN", "NAIVEBAYES", "PERCEPTRON");

    private final InputStream in;
    private final PrintStream out;
    private final PrintStream err;

    NlpCommand(InputStream in, PrintStream out, PrintStream err) {
        this.in = in;
        this.out = out;
        this.err = err;
    }

    public static void main(String[] args) throws IOException {
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        System.exit(new NlpCommand(System.in, new PrintStream(System.out, true, StandardCharsets.UTF_8), System.err).run(args));
    }

    int run(String[] args) throws IOException {
        if (args.length == 0) {
            return usage();
        }
        Map<String, String> options = options(args);
        return switch (args[0]) {
            case "train" -> train(options);
            case "evaluate" -> evaluate(options);
            case "classify" -> classify(options);
            case "audit" -> audit(options);
            default -> usage();
        };
    }

    private int usage() {
        err.println("""
                usage: java -jar nlp-models.jar COMMAND [options]
                  train     [--corpus DIR] [--out FILE] [--algorithm MAXENT|MAXENT_QN|NAIVEBAYES|PERCEPTRON]
                  evaluate  [--corpus DIR] [--heldout FILE|DIR] [--folds 10]
                  classify  [--model FILE]   reads UTF-8 lines, writes label<TAB>confidence<TAB>urgent|normal
                  audit     [--corpus DIR] [--folds 10] [--min-confidence 0]
                            one cross-validation of the built settings; writes every message whose label or urgency
                            the model that did not see it disagrees with, most confident first:
                            source<TAB>label<TAB>predicted<TAB>confidence<TAB>urgent<TAB>predicted urgent<TAB>text""");
        return 2;
    }

    private int train(Map<String, String> options) throws IOException {
        Corpus corpus = Corpus.read(corpusDir(options));
        ProgressBar bar = new ProgressBar(err, 4);
        bar.stage("near-duplicates");
        NearDuplicates.Report duplicates = NearDuplicates.find(corpus.samples());
        if (!duplicates.acceptable()) {
            bar.done();
            err.printf(Locale.ROOT, "corpus rejected: %.1f%% of lines are near-duplicates (at most %.0f%%)%n",
                    100 * duplicates.share(), 100 * NearDuplicates.MAX_SHARE);
            printPairs(duplicates, err, 20);
            return 1;
        }
        TrainingSettings settings = TrainingSettings.DEFAULT.withAlgorithm(options.getOrDefault("algorithm", TrainingSettings.DEFAULT.algorithm()));
        ModelBundle bundle = Trainer.standard().train(corpus.samples(), settings, corpus.hash(), bar::stage);
        bar.stage("writing");
        Path target = Path.of(options.getOrDefault("out", "classifier.bin"));
        if (target.getParent() != null) {
            Files.createDirectories(target.getParent());
        }
        try (OutputStream file = Files.newOutputStream(target)) {
            bundle.write(file);
        }
        bar.done();
        err.printf(Locale.ROOT, "model %s: %d messages, %s, %d bytes -> %s%n", bundle.version(), corpus.samples().size(),
                settings.algorithm(), Files.size(target), target);
        return 0;
    }

    private int evaluate(Map<String, String> options) throws IOException {
        Corpus corpus = Corpus.read(corpusDir(options));
        int folds = Integer.parseInt(options.getOrDefault("folds", "10"));
        Trainer trainer = Trainer.standard();
        CrossValidation cv = new CrossValidation(trainer, folds);
        out.printf(Locale.ROOT, "corpus %s: %d messages, urgent %d%n", corpus.hash(), corpus.samples().size(), corpus.urgentCount());
        for (String label : Scores.LABELS) {
            out.printf(Locale.ROOT, "  %-14s %5d%n", label, corpus.count(label));
        }
        out.printf(Locale.ROOT, "%n== %d-fold stratified cross-validation (seed %d) ==%n", folds, CrossValidation.SEED);
        String best = TrainingSettings.DEFAULT.algorithm();
        double bestF1 = -1;
        Map<String, Scores> byAlgorithm = new HashMap<>();
        for (String algorithm : ALGORITHMS) {
            Scores scores = cv.model(corpus.samples(), TrainingSettings.DEFAULT.withAlgorithm(algorithm));
            byAlgorithm.put(algorithm, scores);
            out.printf(Locale.ROOT, "%-11s %s%n", algorithm, scores.summaryLine());
            if (scores.macroF1() > bestF1) {
                bestF1 = scores.macroF1();
                best = algorithm;
            }
        }
        out.printf(Locale.ROOT, "best on macro-F1: %s (the build trains %s)%n", best, TrainingSettings.DEFAULT.algorithm());

        TrainingSettings chosen = TrainingSettings.DEFAULT;
        out.printf(Locale.ROOT, "%n== model (%s), corpus as written ==%nsettings %s%n", chosen.algorithm(), chosen.manifest());
        // The default algorithm is one of the four above: its scores are reused rather than computed twice.
        Scores written = byAlgorithm.get(chosen.algorithm());
        out.print((written != null ? written : cv.model(corpus.samples(), chosen)).report());
        out.printf(Locale.ROOT, "%n== model (%s), corpus with diacritics stripped ==%n", chosen.algorithm());
        out.print(cv.model(corpus.stripped().samples(), chosen).report());

        KeywordBaseline baseline = new KeywordBaseline(TextNormalizer.standard(), DangerLexicon.standard());
        out.printf(Locale.ROOT, "%n== keyword baseline, corpus as written ==%n");
        out.print(cv.run(corpus.samples(), training -> text -> baseline.predict(text)).report());
        out.printf(Locale.ROOT, "%n== keyword baseline, diacritics stripped ==%n");
        out.print(cv.run(corpus.stripped().samples(), training -> text -> baseline.predict(text)).report());

        Path heldout = Path.of(options.getOrDefault("heldout", corpusDir(options).resolveSibling("heldout").toString()));
        Map<String, List<Sample>> sets = heldOutSets(heldout);
        if (!sets.isEmpty()) {
            ModelBundle full = trainer.train(corpus.samples(), chosen, corpus.hash());
            List<Sample> all = new ArrayList<>();
            sets.forEach((name, test) -> {
                out.printf(Locale.ROOT, "%n== held-out messages (%s), model trained on the whole corpus ==%n", name);
                out.print(CrossValidation.heldOut(full, test).report());
                all.addAll(test);
            });
            if (sets.size() > 1) {
                out.printf(Locale.ROOT, "%n== all %d held-out sets together (%d messages) ==%n", sets.size(), all.size());
                out.print(CrossValidation.heldOut(full, all).report());
            }
            out.printf(Locale.ROOT, "%n== keyword baseline on the held-out messages%s ==%n", sets.size() > 1 ? ", all sets" : "");
            Scores base = new Scores();
            all.forEach(s -> base.add(s, baseline.predict(s.text())));
            out.print(base.report());
        }

        NearDuplicates.Report duplicates = NearDuplicates.find(corpus.samples());
        out.printf(Locale.ROOT, "%n== near-duplicates (word 3-gram Jaccard >= %.2f) ==%n%d of %d lines (%.2f%%), limit %.0f%%: %s%n",
                NearDuplicates.SIMILARITY, duplicates.flagged().size(), duplicates.lines(), 100 * duplicates.share(),
                100 * NearDuplicates.MAX_SHARE, duplicates.acceptable() ? "ok" : "TOO MANY");
        printPairs(duplicates, out, 10);
        return 0;
    }

    /**
     * The held-out sets at {@code path}: the file itself, or each {@code .tsv} file of the folder in name order (sets
     * written at different times by different hands, reported one by one and then together); none if it is missing.
     */
    private static Map<String, List<Sample>> heldOutSets(Path path) throws IOException {
        Map<String, List<Sample>> sets = new LinkedHashMap<>();
        if (Files.isRegularFile(path)) {
            sets.put(path.toString(), Corpus.readFile(path));
        } else if (Files.isDirectory(path)) {
            try (Stream<Path> files = Files.list(path)) {
                for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".tsv")).sorted().toList()) {
                    sets.put(file.toString(), Corpus.readFile(file));
                }
            }
        }
        return sets;
    }

    /**
     * The cross-validated disagreements of the model with the corpus, for a person to read against the labelling
     * guide (corpus/GUIDE.md). A disagreement is a question, not an answer: labels change only where the guide says so.
     */
    private int audit(Map<String, String> options) throws IOException {
        Corpus corpus = Corpus.read(corpusDir(options));
        int folds = Integer.parseInt(options.getOrDefault("folds", "10"));
        double minConfidence = Double.parseDouble(options.getOrDefault("min-confidence", "0"));
        Trainer trainer = Trainer.standard();
        TrainingSettings settings = TrainingSettings.DEFAULT;
        Map<String, Classification> answers = new HashMap<>();
        Scores scores = new CrossValidation(trainer, folds).run(corpus.samples(), training -> {
            MessageClassifier classifier = new MessageClassifier(trainer.train(training, settings, "cv"));
            return text -> {
                Classification c = classifier.classify(text);
                synchronized (answers) {
                    answers.put(text, c);
                }
                boolean fallback = c.topic() == vn.kontum.hotline.nlp.Topic.OTHER && c.confidence() < settings.confidenceThreshold();
                return new vn.kontum.hotline.nlp.training.Prediction(c.label(), c.urgent(), fallback, classifier.urgencyScore(text));
            };
        });
        out.printf(Locale.ROOT, "# corpus %s: %s%n", corpus.hash(), scores.summaryLine());
        List<Sample> disagreements = corpus.samples().stream()
                .filter(s -> {
                    Classification c = answers.get(s.text());
                    return !c.label().equals(s.label()) || c.urgent() != s.urgent();
                })
                .filter(s -> answers.get(s.text()).confidence() >= minConfidence)
                .sorted(java.util.Comparator.comparingDouble((Sample s) -> -answers.get(s.text()).confidence()))
                .toList();
        for (Sample s : disagreements) {
            Classification c = answers.get(s.text());
            out.printf(Locale.ROOT, "%s\t%s\t%s\t%.3f\t%d\t%d\t%s%n", s.source(), s.label(), c.label(), c.confidence(),
                    s.urgent() ? 1 : 0, c.urgent() ? 1 : 0, s.text());
        }
        return 0;
    }

    private int classify(Map<String, String> options) throws IOException {
        MessageClassifier classifier = options.containsKey("model")
                ? MessageClassifier.fromFile(Path.of(options.get("model")))
                : MessageClassifier.bundled();
        BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        BufferedWriter writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        for (String line; (line = lines.readLine()) != null; ) {
            Classification c = classifier.classify(line);
            writer.write(String.format(Locale.ROOT, "%s\t%.4f\t%s%n", c.label(), c.confidence(), c.urgent() ? "urgent" : "normal"));
        }
        writer.flush();
        return 0;
    }

    private static void printPairs(NearDuplicates.Report report, PrintStream to, int max) {
        report.pairs().stream().limit(max).forEach(p -> to.printf(Locale.ROOT, "  %.2f %s ~ %s%n", p.similarity(),
                p.first().source(), p.second().source()));
    }

    private static Path corpusDir(Map<String, String> options) {
        if (options.containsKey("corpus")) {
            return Path.of(options.get("corpus"));
        }
        Path fromRoot = Path.of("nlp-models", "corpus");
        return Files.isDirectory(fromRoot) ? fromRoot : Path.of("corpus");
    }

    static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 1; i < args.length; i++) {
            if (args[i].startsWith("--") && i + 1 < args.length) {
                options.put(args[i].substring(2), args[++i]);
            } else {
                throw new IllegalArgumentException("unexpected argument: " + args[i]);
            }
        }
        return options;
    }
}
