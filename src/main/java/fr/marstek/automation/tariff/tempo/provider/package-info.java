/**
 * Tempo colour providers (RTE official API, RTE public JSON, api-couleur-tempo.fr), their wiring
 * from the {@code TEMPO_*} and {@code RTE_*} variables, and the poller timed around publication.
 */
package fr.marstek.automation.tariff.tempo.provider;
