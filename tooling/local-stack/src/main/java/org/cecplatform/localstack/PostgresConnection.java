package org.cecplatform.localstack;

/**
 * Where PostgreSQL is, and its administrator's login (the stack creates databases and roles with it; tools such as the
 * benchmark read any database with it). The services get DB_HOST and DB_PORT from here, and their own roles from
 * {@link DatabaseCredentials}.
 */
public record PostgresConnection(String host, int port, String user, String password) {

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://" + host + ":" + port + "/" + database;
    }
}
