package fr.marstek.automation.mqtt;

/** One MQTT publication; an empty retained payload deletes a retained message. */
record Message(String topic, String payload, boolean retained) {}
