package vn.kontum.hotline.directory;

import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Communes, villages and service points, read from the database. */
@Component
public class Directory {

    private static final long CACHE_NANOS = java.util.concurrent.TimeUnit.MINUTES.toNanos(1);

    private final JdbcClient jdbc;
    private final java.util.Map<String, Cached> cache = new java.util.concurrent.ConcurrentHashMap<>();

    Directory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Read on every message's way; the directory changes rarely, so a point is kept for a minute. */
    public Optional<ServicePoint> servicePoint(String id) {
        Cached cached = cache.get(id);
        if (cached != null && System.nanoTime() - cached.loadedAt() < CACHE_NANOS) {
            return Optional.of(cached.point());
        }
        Optional<ServicePoint> point = jdbc.sql("select id, kind, name, commune_id, phone from service_point where id = :id")
                .param("id", id).query((rs, n) -> row(rs)).optional();
        point.ifPresent(p -> cache.put(id, new Cached(p, System.nanoTime())));
        return point;
    }

    /** Forgets cached points and places, e.g. after an administrator edited the directory. */
    public void forget() {
        cache.clear();
        placesGeneration.incrementAndGet();
        places = null;
    }

    /** Every commune and every village, by name. */
    public record Places(List<Place> communes, List<Place> villages) {
    }

    private record LoadedPlaces(Places places, long loadedAt) {
    }

    private volatile @org.jspecify.annotations.Nullable LoadedPlaces places;
    /** Moved on by {@link #forget()}: a load that began before it is not kept. */
    private final java.util.concurrent.atomic.AtomicLong placesGeneration = new java.util.concurrent.atomic.AtomicLong();

    /** Every commune and village, kept a minute like the points: a short message may be her place's name, and each is read. */
    public Places places() {
        LoadedPlaces known = places;
        if (known != null && System.nanoTime() - known.loadedAt() < CACHE_NANOS) {
            return known.places();
        }
        long generation = placesGeneration.get();
        List<Place> villages = jdbc.sql("select id, name from village order by name")
                .query((rs, n) -> new Place(rs.getString("id"), rs.getString("name"))).list();
        LoadedPlaces loaded = new LoadedPlaces(new Places(communes(), villages), System.nanoTime());
        if (placesGeneration.get() == generation) {
            places = loaded;
        }
        return loaded.places();
    }

    private record Cached(ServicePoint point, long loadedAt) {
    }

    /** Service points handling a category that serve this village, in a stable order. */
    public List<ServicePoint> servingVillage(String category, String villageId) {
        return jdbc.sql("""
                        select sp.id, sp.kind, sp.name, sp.commune_id, sp.phone from service_point sp
                        join service_point_category c on c.service_point_id = sp.id and c.category = :category
                        join service_point_village v on v.service_point_id = sp.id and v.village_id = :village
                        order by sp.id""")
                .param("category", category).param("village", villageId).query((rs, n) -> row(rs)).list();
    }

    /** Service points handling a category located in a commune. */
    public List<ServicePoint> inCommune(String category, String communeId) {
        return jdbc.sql("""
                        select sp.id, sp.kind, sp.name, sp.commune_id, sp.phone from service_point sp
                        join service_point_category c on c.service_point_id = sp.id and c.category = :category
                        where sp.commune_id = :commune order by sp.id""")
                .param("category", category).param("commune", communeId).query((rs, n) -> row(rs)).list();
    }

    /** City-wide service points (no commune) handling a category. */
    public List<ServicePoint> cityWide(String category) {
        return jdbc.sql("""
                        select sp.id, sp.kind, sp.name, sp.commune_id, sp.phone from service_point sp
                        join service_point_category c on c.service_point_id = sp.id and c.category = :category
                        where sp.commune_id is null order by sp.id""")
                .param("category", category).query((rs, n) -> row(rs)).list();
    }

    public Optional<ServicePoint> firstOfKind(ServicePointKind kind) {
        return jdbc.sql("select id, kind, name, commune_id, phone from service_point where kind = :kind order by id")
                .param("kind", kind.name()).query((rs, n) -> row(rs)).list().stream().findFirst();
    }

    /** The communes and wards, by name: what a woman picks from when she says where she lives. */
    public List<Place> communes() {
        return jdbc.sql("select id, name from commune order by name").query((rs, n) -> new Place(rs.getString("id"), rs.getString("name"))).list();
    }

    public List<Place> villagesOf(String communeId) {
        return jdbc.sql("select id, name from village where commune_id = :commune order by name").param("commune", communeId)
                .query((rs, n) -> new Place(rs.getString("id"), rs.getString("name"))).list();
    }

    public Optional<String> communeName(String communeId) {
        return jdbc.sql("select name from commune where id = :id").param("id", communeId).query(String.class).optional();
    }

    public Optional<String> communeOfVillage(String villageId) {
        return jdbc.sql("select commune_id from village where id = :id").param("id", villageId).query(String.class).optional();
    }

    public Optional<String> villageName(String villageId) {
        return jdbc.sql("select name from village where id = :id").param("id", villageId).query(String.class).optional();
    }

    private static ServicePoint row(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new ServicePoint(rs.getString("id"), ServicePointKind.valueOf(rs.getString("kind")), rs.getString("name"),
                rs.getString("commune_id"), rs.getString("phone"));
    }
}
