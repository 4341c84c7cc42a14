package fr.marstek.automation.config;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.web.server.PortInUseException;
import org.springframework.core.Ordered;

/**
 * A busy port reported like a configuration mistake, naming the variable to change: Spring's own
 * report speaks of "this application" and not of {@code SERVER_PORT}.
 */
final class BusyPortFailureAnalyzer extends AbstractFailureAnalyzer<PortInUseException>
    implements Ordered {

  @Override
  protected FailureAnalysis analyze(Throwable rootFailure, PortInUseException cause) {
    int port = cause.getPort();
    return new FailureAnalysis(
        "The dashboard and API could not start: port "
            + port
            + " (SERVER_PORT) is already used by another program, perhaps another copy of this"
            + " service.",
        "Stop the program listening on port "
            + port
            + " (ss -ltnp 'sport = :"
            + port
            + "' names it), or set SERVER_PORT to a free port in the environment or the .env file"
            + " (for example SERVER_PORT="
            + (port == 65535 ? 8000 : port + 1)
            + "), then start again.",
        cause);
  }

  @Override
  public int getOrder() {
    return Ordered.HIGHEST_PRECEDENCE; // before Spring's own analyzer for the same exception
  }
}
