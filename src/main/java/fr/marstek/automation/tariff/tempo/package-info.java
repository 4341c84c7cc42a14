/** EDF Tempo: colours, the 06:00-06:00 day, peak and off-peak hours, six dated prices, seasons. */
@org.springframework.modulith.NamedInterface("tempo")
package fr.marstek.automation.tariff.tempo;
