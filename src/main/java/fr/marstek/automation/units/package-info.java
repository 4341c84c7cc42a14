/**
 * Small immutable quantities with their unit in the type, and {@link
 * fr.marstek.automation.units.Phrase}: a text a person reads, kept as a message key with typed
 * arguments until it is written in the reader's language.
 */
package fr.marstek.automation.units;
