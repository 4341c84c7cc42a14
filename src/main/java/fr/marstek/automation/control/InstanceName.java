package fr.marstek.automation.control;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.UUID;

/** Names this process in the lease table: host name plus a random part, unique per start. */
final class InstanceName {

  private InstanceName() {}

  static String generate() {
    String host;
    try {
      host = InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      host = "unknown-host";
    }
    String name = host + "-" + UUID.randomUUID().toString().substring(0, 8);
    return name.length() > 80 ? name.substring(name.length() - 80) : name;
  }
}
