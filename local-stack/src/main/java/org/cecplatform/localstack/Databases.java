package org.cecplatform.localstack;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;

/** Creates the services' databases when they are missing (on the embedded server or on one the user points to). */
final class Databases {

    private final PostgresConnection db;

    Databases(PostgresConnection db) {
        this.db = db;
    }

    void ensure(List<String> names) throws SQLException {
        Properties props = new Properties();
        props.setProperty("user", db.user());
        props.setProperty("password", db.password());
        try (Connection connection = DriverManager.getConnection(db.jdbcUrl("postgres"), props);
             PreparedStatement exists = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?");
             Statement ddl = connection.createStatement()) {
            for (String name : names) {
                exists.setString(1, name);
                try (ResultSet rs = exists.executeQuery()) {
                    if (!rs.next()) {
                        // Names are our own constants, so plain concatenation is safe; CREATE DATABASE takes no parameters.
                        ddl.execute("CREATE DATABASE \"" + name + "\"");
                    }
                }
            }
        }
    }
}
