package vn.kontum.hotline.admin.routing;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** What the rule form offers: the places (communes, villages) and the service points, by name. */
@Component
class FormOptions {

    private final JdbcClient jdbc;

    FormOptions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Choice> communes() {
        return jdbc.sql("select id, name from commune order by name, id")
                .query((rs, n) -> new Choice("commune:" + rs.getString("id"), rs.getString("name"))).list();
    }

    List<Choice> villages() {
        return jdbc.sql("select v.id, v.name, c.name as commune from village v join commune c on c.id = v.commune_id order by c.name, v.name, v.id")
                .query((rs, n) -> new Choice("village:" + rs.getString("id"), rs.getString("name") + " — " + rs.getString("commune")))
                .list();
    }

    /** Service points a case may go to: all but the police, who are told, never a woman's first contact. */
    List<Choice> destinations() {
        return jdbc.sql("select id, name from service_point where kind <> 'POLICE' order by name, id")
                .query((rs, n) -> new Choice(rs.getString("id"), rs.getString("name"))).list();
    }

    List<Choice> servicePoints() {
        return jdbc.sql("select id, name from service_point order by name, id")
                .query((rs, n) -> new Choice(rs.getString("id"), rs.getString("name"))).list();
    }
}
