package vn.kontum.hotline.nlp;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import opennlp.tools.doccat.DoccatFactory;
import opennlp.tools.doccat.DoccatModel;
import opennlp.tools.ml.model.AbstractModel;
import opennlp.tools.ml.model.BinaryFileDataReader;
import opennlp.tools.ml.model.GenericModelReader;
import opennlp.tools.ml.model.GenericModelWriter;

/**
 * The trained models in one file: the topic model, the urgency model and a manifest (version, algorithm,
 * thresholds). Written by hand rather than with OpenNLP's model serialiser, which stamps the current time
 * into the file: the same corpus must give the same bytes.
 *
 * @param version            the model's version: a hash of the corpus and the training settings
 * @param topicModel         the topic categoriser
 * @param urgencyModel       the urgent/normal categoriser
 * @param settings           manifest entries, kept as written
 */
public record ModelBundle(String version, DoccatModel topicModel, DoccatModel urgencyModel, Map<String, String> settings) {

    public static final String URGENT = "urgent";
    public static final String NORMAL = "normal";
    static final String LANGUAGE = "vi";
    /** Manifest entry: the topic model's words; models made before it was written saw no skip-bigrams. */
    public static final String TOPIC_FEATURES = "topic.features";
    public static final String WITH_SKIP_BIGRAMS = "syllables,bigrams,skip-bigrams";

    private static final String MANIFEST = "manifest.properties";
    private static final String TOPIC = "topic.bin";
    private static final String URGENCY = "urgency.bin";
    private static final long FIXED_TIME = 315_532_800_000L; // 1980-01-01, the zip format's epoch

    public double confidenceThreshold() {
        return Double.parseDouble(settings.getOrDefault("confidence.threshold", "0.4"));
    }

    public double urgencyThreshold() {
        return Double.parseDouble(settings.getOrDefault("urgency.threshold", "0.3"));
    }

    /**
     * Whether the topic model was trained with the folded skip-bigrams beside the syllables and bigrams. A model file
     * that names words this code does not know is refused rather than read with the wrong ones.
     */
    public boolean topicSkipBigrams() {
        String features = settings.get(TOPIC_FEATURES);
        if (features != null && !features.equals(WITH_SKIP_BIGRAMS)) {
            throw new IllegalArgumentException("model " + version + " was trained on topic features this version does not make: " + features);
        }
        return features != null;
    }

    public void write(OutputStream out) throws IOException {
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            Map<String, String> manifest = new TreeMap<>(settings);
            manifest.put("version", version);
            StringBuilder text = new StringBuilder();
            manifest.forEach((k, v) -> text.append(k).append('=').append(v).append('\n'));
            entry(zip, MANIFEST, text.toString().getBytes(StandardCharsets.ISO_8859_1));
            entry(zip, TOPIC, bytes(topicModel));
            entry(zip, URGENCY, bytes(urgencyModel));
        }
    }

    public static ModelBundle read(InputStream in) throws IOException {
        Map<String, byte[]> entries = new HashMap<>();
        try (ZipInputStream zip = new ZipInputStream(in)) {
            for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
                entries.put(e.getName(), zip.readAllBytes());
            }
        }
        if (!entries.keySet().containsAll(java.util.List.of(MANIFEST, TOPIC, URGENCY))) {
            throw new IOException("not a hotline classifier model: entries " + entries.keySet());
        }
        Properties props = new Properties();
        props.load(new StringReader(new String(entries.get(MANIFEST), StandardCharsets.ISO_8859_1)));
        Map<String, String> settings = new TreeMap<>();
        props.stringPropertyNames().forEach(k -> settings.put(k, props.getProperty(k)));
        String version = settings.remove("version");
        return new ModelBundle(version, doccat(entries.get(TOPIC)), doccat(entries.get(URGENCY)), settings);
    }

    private static void entry(ZipOutputStream zip, String name, byte[] data) throws IOException {
        ZipEntry e = new ZipEntry(name);
        e.setTime(FIXED_TIME);
        zip.putNextEntry(e);
        zip.write(data);
        zip.closeEntry();
    }

    private static byte[] bytes(DoccatModel model) throws IOException {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        DataOutputStream data = new DataOutputStream(buffer);
        new GenericModelWriter((AbstractModel) model.getMaxentModel(), data).persist();
        data.flush();
        return buffer.toByteArray();
    }

    private static DoccatModel doccat(byte[] data) throws IOException {
        AbstractModel model = new GenericModelReader(new BinaryFileDataReader(new ByteArrayInputStream(data))).getModel();
        return new DoccatModel(LANGUAGE, model, Map.of(), new DoccatFactory());
    }

    @Override
    public String toString() {
        StringWriter w = new StringWriter();
        w.append("ModelBundle[").append(version).append(", ").append(settings.toString()).append(']');
        return w.toString();
    }
}
