package fr.marstek.automation.device;

import java.util.Optional;

/**
 * What a battery says about itself ({@code Marstek.GetDevice}).
 *
 * @param bleMac 12 lower-case hex digits: the stable device key
 * @param wifiMac may be the access point's BSSID, so never an identity
 */
public record DeviceIdentity(
    String model, int firmware, String bleMac, Optional<String> wifiMac, Optional<String> ip) {}
