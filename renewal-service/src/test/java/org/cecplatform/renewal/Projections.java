package org.cecplatform.renewal;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import io.restassured.path.json.JsonPath;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cecplatform.testsupport.PostgresTestResource;
import org.cecplatform.testsupport.TestTokens;

/** Rebuilding the service's projections through the staff endpoint, and reading their rows, for tests. */
final class Projections {

    private Projections() {
    }

    static Connection database() throws SQLException {
        return DriverManager.getConnection(PostgresTestResource.jdbcUrl(), "postgres", "postgres");
    }

    /** Starts a rebuild (202) and waits for it to finish; answers its last progress. */
    static JsonPath rebuild(String name) {
        given().auth().oauth2(TestTokens.staff()).when().post("/api/v1/admin/projections/" + name + "/rebuild")
                .then().statusCode(202);
        return awaitFinished(name);
    }

    static JsonPath awaitFinished(String name) {
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200)).until(() -> !"RUNNING".equals(
                progress(name).getString("state")));
        return progress(name);
    }

    static JsonPath progress(String name) {
        return given().auth().oauth2(TestTokens.staff()).when().get("/api/v1/admin/projections/" + name + "/rebuild")
                .then().statusCode(200).extract().jsonPath();
    }

    /**
     * The rows of the certifications projection (each as JSON text, in key order), of the people named, or of
     * everyone when {@code people} is null; {@code exclude}: columns left out.
     */
    static Map<String, List<String>> certificationRows(List<String> people, String... exclude) throws SQLException {
        String mine = people == null ? "true" : "certificant_id = any(?)";
        String minus = exclusions(exclude);
        Map<String, List<String>> tables = new LinkedHashMap<>();
        tables.put("certification", rows("select to_jsonb(c)" + minus + " from certification c where " + mine
                + " order by certification_id", people));
        tables.put("certification_cycle", rows("select to_jsonb(y)" + minus + " from certification_cycle y where"
                + " y.certification_id in (select certification_id from certification where " + mine + ")"
                + " order by certification_id, number", people));
        tables.put("renewal", rows("select to_jsonb(r)" + minus + " from renewal r where " + mine
                + " order by renewal_id", people));
        tables.put("renewal_certification", rows("select to_jsonb(x)" + minus + " from renewal_certification x"
                + " where x.renewal_id in (select renewal_id from renewal where " + mine + ")"
                + " order by renewal_id, certification_id", people));
        return tables;
    }

    /** The ledger_credit rows of the people named (everyone: null), without the clocks of the write itself. */
    static List<String> ledgerRows(List<String> people) throws SQLException {
        return rows("select to_jsonb(l) - 'updated_at' - 'projected_at' from ledger_credit l where "
                + (people == null ? "true" : "certificant_id = any(?)") + " order by credit_id", people);
    }

    private static String exclusions(String... columns) {
        StringBuilder minus = new StringBuilder();
        for (String column : columns) {
            minus.append(" - '").append(column).append("'");
        }
        return minus.toString();
    }

    private static List<String> rows(String sql, List<String> people) throws SQLException {
        try (Connection c = database(); PreparedStatement s = c.prepareStatement(sql)) {
            if (people != null) {
                s.setArray(1, c.createArrayOf("text", people.toArray()));
            }
            List<String> rows = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    rows.add(rs.getString(1));
                }
            }
            return rows;
        }
    }

    static long count(String sql) throws SQLException {
        try (Connection c = database(); ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
