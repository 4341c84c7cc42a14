package fr.marstek.automation.mqtt;

/** One MQTT publication; an empty retained payload deletes a retained message. */
record Publication(String topic, String payload, boolean retained) {}
