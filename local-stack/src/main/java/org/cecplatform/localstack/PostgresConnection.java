package org.cecplatform.localstack;

/** How the services reach PostgreSQL; handed to them as DB_HOST, DB_PORT, DB_USER, DB_PASSWORD. */
public record PostgresConnection(String host, int port, String user, String password) {

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://" + host + ":" + port + "/" + database;
    }
}
