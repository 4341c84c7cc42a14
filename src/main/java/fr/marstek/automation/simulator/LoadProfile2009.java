package fr.marstek.automation.simulator;

import static fr.marstek.automation.units.Zone.PARIS;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZonedDateTime;

/** The bundled hourly household load of 2009, looked up by Europe/Paris (day-of-year, hour). */
final class LoadProfile2009 {

  private static final String RESOURCE = "/simulator/load-profile-2009.csv";
  private static final int DAYS = 365;
  private static final int HOURS = DAYS * 24;

  private LoadProfile2009() {}

  static double wattsAt(Instant instant) {
    ZonedDateTime local = instant.atZone(PARIS);
    int day = Math.min(local.getDayOfYear(), DAYS) - 1;
    return Table.HOURLY_WATTS[day * 24 + local.getHour()];
  }

  // Loaded once on first use; the array is never written after that.
  private static final class Table {
    static final double[] HOURLY_WATTS = read();
  }

  private static double[] read() {
    double[] watts = new double[HOURS];
    try (InputStream in = LoadProfile2009.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + RESOURCE);
      }
      var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      reader.readLine();
      int row = 0;
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        if (!line.isBlank()) {
          watts[row++] = Double.parseDouble(line.substring(line.indexOf(',') + 1).trim());
        }
      }
      if (row != HOURS) {
        throw new IllegalStateException(RESOURCE + " has " + row + " hours, expected " + HOURS);
      }
      return watts;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
