package vn.kontum.hotline.directory;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The directory as CSV files an administrator keeps in a spreadsheet: communes, villages and service points
 * (with the categories each handles and the villages it serves, separated by ';'). Export writes the three
 * files; import adds or updates rows by id, all of a file or nothing, and says which line is wrong. Rows are
 * never deleted by an import: cases and accounts refer to them.
 */
@Component
public class DirectoryFiles {

    public static final List<String> COMMUNE_HEADER = List.of("id", "name", "kind");
    public static final List<String> VILLAGE_HEADER = List.of("id", "commune_id", "name", "especially_disadvantaged");
    public static final List<String> SERVICE_POINT_HEADER = List.of("id", "kind", "name", "commune_id", "phone", "categories", "villages");
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,39}");
    private static final Set<String> CATEGORIES = Set.of("violence", "trafficking", "safe_delivery", "savings_loans", "other");

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final Directory directory;

    DirectoryFiles(JdbcClient jdbc, TransactionTemplate tx, Directory directory) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.directory = directory;
    }

    /** A line of an imported file that cannot be taken, with the bundle key saying why. */
    public static final class Refused extends RuntimeException {
        public final int line;
        public final String key;

        Refused(int line, String key) {
            super("line " + line + ": " + key);
            this.line = line;
            this.key = key;
        }
    }

    public String communes() {
        StringBuilder out = new StringBuilder(Csv.line(COMMUNE_HEADER));
        jdbc.sql("select id, name, kind from commune order by id").query((rs, n) -> out.append(Csv.line(
                List.of(rs.getString(1), rs.getString(2), rs.getString(3))))).list();
        return out.toString();
    }

    public String villages() {
        StringBuilder out = new StringBuilder(Csv.line(VILLAGE_HEADER));
        jdbc.sql("select id, commune_id, name, especially_disadvantaged from village order by commune_id, id").query((rs, n) -> out.append(Csv.line(
                List.of(rs.getString(1), rs.getString(2), rs.getString(3), rs.getBoolean(4) ? "1" : "0")))).list();
        return out.toString();
    }

    public String servicePoints() {
        StringBuilder out = new StringBuilder(Csv.line(SERVICE_POINT_HEADER));
        jdbc.sql("select id, kind, name, commune_id, phone from service_point order by id").query((rs, n) -> {
            String id = rs.getString(1);
            String categories = String.join(";", jdbc.sql("select category from service_point_category where service_point_id = :id order by category")
                    .param("id", id).query(String.class).list());
            String villages = String.join(";", jdbc.sql("select village_id from service_point_village where service_point_id = :id order by village_id")
                    .param("id", id).query(String.class).list());
            return out.append(Csv.line(Arrays.asList(id, rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), categories, villages)));
        }).list();
        return out.toString();
    }

    /** Returns how many rows were taken. */
    public int importCommunes(String csv) {
        List<List<String>> rows = body(csv, COMMUNE_HEADER);
        return apply(rows, (row, line) -> {
            String kind = row.get(2).strip().toLowerCase(Locale.ROOT);
            if (!kind.equals("xa") && !kind.equals("phuong")) {
                throw new Refused(line, "directory.refused.commune-kind");
            }
            String id = id(row.get(0), line);
            String name = name(row.get(1), line);
            if (jdbc.sql("update commune set name = :n, kind = :k, sample = false where id = :id").param("n", name).param("k", kind).param("id", id).update() == 0) {
                jdbc.sql("insert into commune (id, name, kind, sample) values (:id, :n, :k, false)").param("id", id).param("n", name).param("k", kind).update();
            }
        });
    }

    public int importVillages(String csv) {
        List<List<String>> rows = body(csv, VILLAGE_HEADER);
        return apply(rows, (row, line) -> {
            String id = id(row.get(0), line);
            String commune = known("commune", id(row.get(1), line), line);
            String name = name(row.get(2), line);
            boolean special = Set.of("1", "true", "co", "có", "x").contains(row.get(3).strip().toLowerCase(Locale.ROOT));
            if (jdbc.sql("update village set commune_id = :c, name = :n, especially_disadvantaged = :s, sample = false where id = :id")
                    .param("c", commune).param("n", name).param("s", special).param("id", id).update() == 0) {
                jdbc.sql("insert into village (id, commune_id, name, especially_disadvantaged, sample) values (:id, :c, :n, :s, false)")
                        .param("id", id).param("c", commune).param("n", name).param("s", special).update();
            }
        });
    }

    public int importServicePoints(String csv) {
        List<List<String>> rows = body(csv, SERVICE_POINT_HEADER);
        return apply(rows, (row, line) -> {
            String id = id(row.get(0), line);
            String kind;
            try {
                kind = ServicePointKind.valueOf(row.get(1).strip().toUpperCase(Locale.ROOT)).name();
            } catch (IllegalArgumentException e) {
                throw new Refused(line, "directory.refused.kind");
            }
            String name = name(row.get(2), line);
            String commune = row.get(3).isBlank() ? null : known("commune", id(row.get(3), line), line);
            String phone = row.get(4).strip().isEmpty() ? null : row.get(4).strip();
            if (phone != null && !phone.matches("[0-9 +().-]{3,40}")) {
                throw new Refused(line, "directory.refused.phone");
            }
            Set<String> categories = list(row.get(5));
            if (!CATEGORIES.containsAll(categories)) {
                throw new Refused(line, "directory.refused.category");
            }
            Set<String> villages = list(row.get(6));
            for (String v : villages) {
                known("village", v, line);
            }
            if (jdbc.sql("update service_point set kind = :k, name = :n, commune_id = :c, phone = :p, sample = false where id = :id")
                    .param("k", kind).param("n", name).param("c", commune).param("p", phone).param("id", id).update() == 0) {
                jdbc.sql("insert into service_point (id, kind, name, commune_id, phone, sample) values (:id, :k, :n, :c, :p, false)")
                        .param("id", id).param("k", kind).param("n", name).param("c", commune).param("p", phone).update();
            }
            jdbc.sql("delete from service_point_category where service_point_id = :id").param("id", id).update();
            jdbc.sql("delete from service_point_village where service_point_id = :id").param("id", id).update();
            categories.forEach(c -> jdbc.sql("insert into service_point_category (service_point_id, category) values (:id, :c)")
                    .param("id", id).param("c", c).update());
            villages.forEach(v -> jdbc.sql("insert into service_point_village (service_point_id, village_id) values (:id, :v)")
                    .param("id", id).param("v", v).update());
        });
    }

    private interface RowAction {
        void apply(List<String> row, int line);
    }

    private int apply(List<List<String>> rows, RowAction action) {
        tx.executeWithoutResult(status -> {
            for (int i = 0; i < rows.size(); i++) {
                action.apply(rows.get(i), i + 2);
            }
        });
        directory.forget();
        return rows.size();
    }

    /** The rows after the header, each as wide as the header; a file with another header is refused. */
    private static List<List<String>> body(String csv, List<String> header) {
        List<List<String>> rows = Csv.parse(csv);
        if (rows.isEmpty() || !rows.getFirst().stream().map(h -> h.strip().toLowerCase(Locale.ROOT)).toList().equals(header)) {
            throw new Refused(1, "directory.refused.header");
        }
        List<List<String>> out = new ArrayList<>();
        for (int i = 1; i < rows.size(); i++) {
            List<String> row = new ArrayList<>(rows.get(i));
            if (row.size() > header.size()) {
                throw new Refused(i + 1, "directory.refused.columns");
            }
            while (row.size() < header.size()) {
                row.add("");
            }
            out.add(row);
        }
        return out;
    }

    private static String id(String raw, int line) {
        String id = raw.strip().toLowerCase(Locale.ROOT);
        if (!ID.matcher(id).matches()) {
            throw new Refused(line, "directory.refused.id");
        }
        return id;
    }

    private static String name(String raw, int line) {
        String name = raw.strip();
        if (name.isEmpty() || name.length() > 200) {
            throw new Refused(line, "directory.refused.name");
        }
        return name;
    }

    private String known(String table, String id, int line) {
        if (jdbc.sql("select count(*) from " + table + " where id = :id").param("id", id).query(Long.class).single() == 0) {
            throw new Refused(line, "directory.refused.unknown-" + table);
        }
        return id;
    }

    private static Set<String> list(String raw) {
        Set<String> out = new LinkedHashSet<>();
        for (String part : raw.split(";")) {
            if (!part.isBlank()) {
                out.add(part.strip().toLowerCase(Locale.ROOT));
            }
        }
        return out;
    }
}
