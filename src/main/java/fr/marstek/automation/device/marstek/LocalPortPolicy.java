package fr.marstek.automation.device.marstek;

/** Which local UDP port requests to a battery are sent from. */
public enum LocalPortPolicy {
  /**
   * The battery's own API port, because some firmware replies only there; falls back to an
   * ephemeral port with a warning when that port is taken.
   */
  DEVICE,
  /** Any free port: for simulators on the same host, which own the API port themselves. */
  EPHEMERAL
}
