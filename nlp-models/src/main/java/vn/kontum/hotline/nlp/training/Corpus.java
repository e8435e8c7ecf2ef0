package vn.kontum.hotline.nlp.training;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

import vn.kontum.hotline.nlp.Topic;
import vn.kontum.hotline.nlp.text.Folding;

/**
 * The training corpus: every {@code *.tsv} file of a folder, read in name order. Each file starts with the
 * header {@code label<TAB>urgent<TAB>text}; every other line is one message.
 */
public record Corpus(List<Sample> samples, String hash) {

    public static Corpus read(Path folder) throws IOException {
        List<Path> files;
        try (Stream<Path> list = Files.list(folder)) {
            files = list.filter(p -> p.getFileName().toString().endsWith(".tsv")).sorted().toList();
        }
        if (files.isEmpty()) {
            throw new IOException("no .tsv corpus files in " + folder);
        }
        List<Sample> samples = new ArrayList<>();
        MessageDigest digest = sha256();
        for (Path file : files) {
            byte[] bytes = Files.readAllBytes(file);
            digest.update(file.getFileName().toString().getBytes(StandardCharsets.UTF_8));
            digest.update(bytes);
            samples.addAll(parse(new String(bytes, StandardCharsets.UTF_8), file.getFileName().toString()));
        }
        return new Corpus(List.copyOf(samples), HexFormat.of().formatHex(digest.digest()).substring(0, 12));
    }

    /** The messages of one file (a held-out set, say), each named by the file and its line. */
    public static List<Sample> readFile(Path file) throws IOException {
        return parse(Files.readString(file, StandardCharsets.UTF_8), file.getFileName().toString());
    }

    static List<Sample> parse(String content, String source) throws IOException {
        List<Sample> out = new ArrayList<>();
        String[] lines = content.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].endsWith("\r") ? lines[i].substring(0, lines[i].length() - 1) : lines[i];
            if (line.isBlank() || (i == 0 && line.startsWith("label\t"))) {
                continue;
            }
            String[] parts = line.split("\t", -1);
            if (parts.length != 3 || Topic.fromLabel(parts[0]).isEmpty() || !(parts[1].equals("0") || parts[1].equals("1"))) {
                throw new IOException(source + ":" + (i + 1) + ": expected label<TAB>0|1<TAB>text");
            }
            out.add(new Sample(parts[0], parts[1].equals("1"), parts[2], source + ":" + (i + 1)));
        }
        return out;
    }

    /** The same corpus with every diacritic removed, as typed on a phone without a Vietnamese keyboard. */
    public Corpus stripped() {
        return new Corpus(samples.stream().map(s -> s.withText(Folding.fold(s.text()))).toList(), hash + "-stripped");
    }

    public long count(String label) {
        return samples.stream().filter(s -> s.label().equals(label)).count();
    }

    public long urgentCount() {
        return samples.stream().filter(Sample::urgent).count();
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
