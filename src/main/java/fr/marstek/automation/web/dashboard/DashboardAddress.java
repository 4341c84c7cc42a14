package fr.marstek.automation.web.dashboard;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** Says at start-up where the dashboard and the API documentation are, with the port in use. */
@Component
class DashboardAddress {

  private static final Logger log = LoggerFactory.getLogger(DashboardAddress.class);

  private final Environment environment;

  DashboardAddress(Environment environment) {
    this.environment = environment;
  }

  @EventListener
  void on(WebServerInitializedEvent event) {
    if (event.getApplicationContext().getServerNamespace() != null) {
      return; // the management server, if one is ever split off
    }
    String host = environment.getProperty("server.address", "localhost");
    String base = "http://" + (host.contains(":") ? "[" + host + "]" : host);
    int port = event.getWebServer().getPort();
    log.info(
        "Dashboard at {}:{}/ (from another device, this machine's address instead of {}); API"
            + " documentation at {}:{}/docs; port set by SERVER_PORT",
        base,
        port,
        host,
        base,
        port);
  }
}
