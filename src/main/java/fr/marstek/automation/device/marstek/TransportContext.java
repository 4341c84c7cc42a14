package fr.marstek.automation.device.marstek;

import fr.marstek.automation.device.marstek.protocol.MarstekCodec;
import java.time.InstantSource;

/**
 * What every battery link of one transport shares.
 *
 * @param budgetClock the service's clock, on which the request budget (how often each method may be
 *     sent, requests per hour) is kept; the transport clock paces single datagrams
 */
record TransportContext(
    MarstekClientSettings settings,
    TransportClock clock,
    RequestIds ids,
    SendStagger stagger,
    MarstekCodec codec,
    InstantSource budgetClock) {}
