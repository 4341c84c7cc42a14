/**
 * Small immutable quantities with their unit in the type, and {@link
 * fr.marstek.automation.units.Phrase}: a text a person reads, kept as a message key with typed
 * arguments until it is written in the reader's language; {@link
 * fr.marstek.automation.units.AsciiDigits} reads the numbers of the data files read by hand.
 */
package fr.marstek.automation.units;
