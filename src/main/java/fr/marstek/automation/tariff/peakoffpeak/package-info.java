/**
 * A plain peak/off-peak ("HP/HC") contract: the second implementation of the tariff port, which
 * keeps the port free of Tempo's colours.
 */
package fr.marstek.automation.tariff.peakoffpeak;
