/** The battery port and the records that cross it; no vendor code. */
@org.springframework.modulith.ApplicationModule(
    displayName = "Device",
    allowedDependencies = {"units", "config"})
package fr.marstek.automation.device;
