package fr.marstek.automation.history;

import java.time.Instant;

/**
 * One point of a chart. Values are {@code null} when no reading had them. Powers in W (battery:
 * positive delivers to the house; grid: positive imports), state of charge in %, temperature in °C
 * (highest in the bucket), energy in Wh taken/delivered during the bucket (rollups only).
 *
 * @param online share of samples in the bucket during which the battery answered, 0 to 1
 */
public record SeriesPoint(
    Instant at,
    Double soc,
    Double batteryPower,
    Double batteryPowerMin,
    Double batteryPowerMax,
    Double gridPower,
    Double pvPower,
    Double temperature,
    Double online,
    Double charged,
    Double discharged) {}
