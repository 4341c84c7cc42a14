package fr.marstek.automation.planning;

/** Why a slot does what it does, in words a person understands; written only when read. */
@FunctionalInterface
public interface Reason {

  String text();
}
