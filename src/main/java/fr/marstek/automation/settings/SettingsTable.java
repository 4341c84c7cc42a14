package fr.marstek.automation.settings;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** The {@code setting} table (Flyway V4): one row per stored variable. */
final class SettingsTable {

  static final String SELECT = "SELECT name, value FROM setting";

  private final JdbcClient jdbc;
  private final TransactionTemplate transactions;

  SettingsTable(JdbcClient jdbc, TransactionTemplate transactions) {
    this.jdbc = jdbc;
    this.transactions = transactions;
  }

  Map<String, String> load() {
    Map<String, String> values = new LinkedHashMap<>();
    jdbc.sql(SELECT + " ORDER BY name")
        .query((RowCallbackHandler) rs -> values.put(rs.getString(1), rs.getString(2)));
    return values;
  }

  /** Stores every change or none. */
  void save(Map<String, String> changes, Instant at) {
    transactions.executeWithoutResult(
        status ->
            changes.forEach(
                (name, value) -> {
                  jdbc.sql("DELETE FROM setting WHERE name = ?").param(name).update();
                  jdbc.sql("INSERT INTO setting (name, value, changed_at) VALUES (?, ?, ?)")
                      .params(name, value, at.toEpochMilli())
                      .update();
                }));
  }

  void delete(String name) {
    jdbc.sql("DELETE FROM setting WHERE name = ?").param(name).update();
  }

  /**
   * Reads the table before Spring has a DataSource (the environment is still being prepared): a
   * plain JDBC connection, closed at once.
   */
  static Map<String, String> readOnce(String jdbcUrl, Properties credentials) throws SQLException {
    Map<String, String> values = new LinkedHashMap<>();
    try (Connection connection = DriverManager.getConnection(jdbcUrl, credentials)) {
      if (!hasTable(connection)) {
        return values; // first start: Flyway creates it later
      }
      try (Statement statement = connection.createStatement();
          ResultSet rows = statement.executeQuery(SELECT)) {
        while (rows.next()) {
          values.put(rows.getString(1), rows.getString(2));
        }
      }
    }
    return values;
  }

  private static boolean hasTable(Connection connection) throws SQLException {
    for (String name : new String[] {"setting", "SETTING"}) {
      try (ResultSet tables = connection.getMetaData().getTables(null, null, name, null)) {
        if (tables.next()) {
          return true;
        }
      }
    }
    return false;
  }
}
