package vn.kontum.hotline.nlp.training;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import vn.kontum.hotline.nlp.Topic;

/**
 * Accuracy, per-label precision/recall/F1, macro-F1, the confusion matrix and urgency recall/precision, at the
 * classifier's own urgency threshold and at the best threshold for a required precision.
 */
public final class Scores {

    public static final List<String> LABELS = Arrays.stream(Topic.values()).map(Topic::label).toList();

    private final int[][] confusion = new int[LABELS.size()][LABELS.size()];
    private int urgentTruePositive;
    private int urgentFalsePositive;
    private int urgentFalseNegative;
    private int total;
    private int fallbacks;
    private final List<Judged> judged = new ArrayList<>();

    /** How urgent a sample was said to look, and whether it is. */
    private record Judged(double score, boolean urgent) {
    }

    /**
     * One threshold on the urgency score and what it gives.
     *
     * @param threshold a sample counts as urgent from this score; infinite when no threshold reaches the precision
     */
    public record OperatingPoint(double recall, double precision, double threshold) {
    }

    public void add(Sample truth, Prediction predicted) {
        confusion[LABELS.indexOf(truth.label())][LABELS.indexOf(predicted.label())]++;
        total++;
        if (predicted.fallback()) {
            fallbacks++;
        }
        // A score that is not a number counts as the least urgent, as a classifier comparing it with a threshold reads it.
        double score = predicted.urgencyScore();
        judged.add(new Judged(Double.isNaN(score) ? Double.NEGATIVE_INFINITY : score, truth.urgent()));
        if (truth.urgent() && predicted.urgent()) {
            urgentTruePositive++;
        } else if (predicted.urgent()) {
            urgentFalsePositive++;
        } else if (truth.urgent()) {
            urgentFalseNegative++;
        }
    }

    public double accuracy() {
        int right = 0;
        for (int i = 0; i < LABELS.size(); i++) {
            right += confusion[i][i];
        }
        return total == 0 ? 0 : (double) right / total;
    }

    public double precision(int label) {
        int predicted = 0;
        for (int[] row : confusion) {
            predicted += row[label];
        }
        return predicted == 0 ? 0 : (double) confusion[label][label] / predicted;
    }

    public double recall(int label) {
        int actual = Arrays.stream(confusion[label]).sum();
        return actual == 0 ? 0 : (double) confusion[label][label] / actual;
    }

    public double f1(int label) {
        double p = precision(label);
        double r = recall(label);
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    public double macroF1() {
        double sum = 0;
        for (int i = 0; i < LABELS.size(); i++) {
            sum += f1(i);
        }
        return sum / LABELS.size();
    }

    public double urgentRecall() {
        int actual = urgentTruePositive + urgentFalseNegative;
        return actual == 0 ? 0 : (double) urgentTruePositive / actual;
    }

    public double urgentPrecision() {
        int predicted = urgentTruePositive + urgentFalsePositive;
        return predicted == 0 ? 0 : (double) urgentTruePositive / predicted;
    }

    /**
     * The highest urgent recall of any threshold on the urgency score whose precision is at least {@code minPrecision}
     * (of two such, the more precise). The target reads "recall at precision 0.80", which the built threshold,
     * set low for recall, need not meet. The threshold is chosen on the samples it is scored on.
     */
    public OperatingPoint bestUrgentRecallAt(double minPrecision) {
        List<Judged> byScore = new ArrayList<>(judged);
        byScore.sort(Comparator.comparingDouble(Judged::score).reversed());
        long urgent = byScore.stream().filter(Judged::urgent).count();
        OperatingPoint best = new OperatingPoint(0, 0, Double.POSITIVE_INFINITY);
        int truePositive = 0;
        for (int i = 0; i < byScore.size(); i++) {
            if (byScore.get(i).urgent()) {
                truePositive++;
            }
            boolean lastOfItsScore = i + 1 == byScore.size() || byScore.get(i + 1).score() < byScore.get(i).score();
            if (!lastOfItsScore || urgent == 0) {
                continue;
            }
            double recall = (double) truePositive / urgent;
            double precision = (double) truePositive / (i + 1);
            if (precision >= minPrecision && (recall > best.recall() || recall == best.recall() && precision > best.precision())) {
                best = new OperatingPoint(recall, precision, byScore.get(i).score());
            }
        }
        return best;
    }

    public int total() {
        return total;
    }

    /** How many answers were {@code other} because the model was below its confidence threshold. */
    public int fallbacks() {
        return fallbacks;
    }

    public String summaryLine() {
        return String.format(Locale.ROOT, "accuracy %.4f  macro-F1 %.4f  urgent recall %.4f  urgent precision %.4f  fallback %d  (n=%d)",
                accuracy(), macroF1(), urgentRecall(), urgentPrecision(), fallbacks, total);
    }

    public String report() {
        StringBuilder out = new StringBuilder(summaryLine()).append('\n');
        OperatingPoint point = bestUrgentRecallAt(0.80);
        out.append(Double.isInfinite(point.threshold()) ? "  urgent recall at precision >= 0.80: none\n" : String.format(Locale.ROOT,
                "  urgent recall at precision >= 0.80: %.4f (precision %.4f, from urgency score %.4g)%n",
                point.recall(), point.precision(), point.threshold()));
        out.append(String.format(Locale.ROOT, "  %-14s %9s %9s %9s%n", "label", "precision", "recall", "F1"));
        for (int i = 0; i < LABELS.size(); i++) {
            out.append(String.format(Locale.ROOT, "  %-14s %9.4f %9.4f %9.4f%n", LABELS.get(i), precision(i), recall(i), f1(i)));
        }
        out.append("  confusion (rows: truth, columns: predicted)\n");
        out.append(String.format(Locale.ROOT, "  %-14s", ""));
        LABELS.forEach(l -> out.append(String.format(Locale.ROOT, " %8.8s", l)));
        out.append('\n');
        for (int i = 0; i < LABELS.size(); i++) {
            out.append(String.format(Locale.ROOT, "  %-14s", LABELS.get(i)));
            for (int j = 0; j < LABELS.size(); j++) {
                out.append(String.format(Locale.ROOT, " %8d", confusion[i][j]));
            }
            out.append('\n');
        }
        return out.toString();
    }
}
