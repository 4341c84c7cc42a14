package fr.marstek.automation.web.api;

import fr.marstek.automation.control.Intent;

/** The API's names for intents: the seed's AUTO and MANUAL, plus AI, IDLE and PASSIVE. */
public final class ApiModes {

  private ApiModes() {}

  /** The API and dashboard name of an intent. */
  public static String name(Intent intent) {
    return switch (intent) {
      case Intent.SelfConsumption s -> "AUTO";
      case Intent.VendorAi a -> "AI";
      case Intent.GridCharge c -> "MANUAL";
      case Intent.Idle i -> "IDLE";
      case Intent.FixedPower f -> "PASSIVE";
    };
  }
}
