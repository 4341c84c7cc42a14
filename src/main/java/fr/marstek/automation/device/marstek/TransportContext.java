package fr.marstek.automation.device.marstek;

import fr.marstek.automation.device.marstek.protocol.MarstekCodec;

/** What every battery link of one transport shares. */
record TransportContext(
    MarstekClientSettings settings,
    TransportClock clock,
    RequestIds ids,
    SendStagger stagger,
    MarstekCodec codec) {}
