package fr.marstek.automation.device.marstek.protocol;

/** The Open API methods this client uses, with their case-sensitive wire names. */
public enum Method {
  GET_DEVICE("Marstek.GetDevice"),
  WIFI_STATUS("Wifi.GetStatus"),
  BLE_STATUS("BLE.GetStatus"),
  BAT_STATUS("Bat.GetStatus"),
  PV_STATUS("PV.GetStatus"),
  ES_STATUS("ES.GetStatus"),
  ES_MODE("ES.GetMode"),
  EM_STATUS("EM.GetStatus"),
  SET_MODE("ES.SetMode");

  private final String wireName;

  Method(String wireName) {
    this.wireName = wireName;
  }

  public String wireName() {
    return wireName;
  }

  /** Writes get longer timeouts and more retries than reads. */
  public boolean isWrite() {
    return this == SET_MODE;
  }

  @Override
  public String toString() {
    return wireName;
  }
}
