/** Small immutable quantities with their unit in the type. */
package fr.marstek.automation.units;
