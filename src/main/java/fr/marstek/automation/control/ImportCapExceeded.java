package fr.marstek.automation.control;

import fr.marstek.automation.units.Watts;
import java.time.Instant;

/**
 * The house alone imported more than the import cap, batteries held back: published once, until it
 * is back under.
 */
public record ImportCapExceeded(Watts house, Watts cap, Instant at) {}
